import assert from 'node:assert/strict';
import { stack } from './helpers';
import { linesOf, useGenerator } from './generate';

describe('Dockerfile: Go, Rust, Java, .NET', () => {
  const generate = useGenerator();

  describe('bad input first', () => {
    it('Go without go.mod: builds the root, with a note', async () => {
      const r = await generate({ 'main.go': 'package main\n' }, stack(['go'], [], ['go']));
      assert.equal(r.template, 'go');
      assert.ok(r.notes.some((n) => /No go\.mod/.test(n)));
      assert.ok(!linesOf(r.dockerfile).some((l) => l.startsWith('COPY go.mod')), 'no COPY of a go.mod that is not there');
    });

    it('a Cargo.toml that is not TOML, or a workspace: a placeholder binary name, with a note', async () => {
      const broken = await generate({ 'Cargo.toml': '[package\nname = "x"' }, stack(['rust'], [], ['cargo']));
      assert.ok(broken.notes.some((n) => /Cargo\.toml is not valid TOML/.test(n)), broken.notes.join('\n'));
      const workspace = await generate({ 'Cargo.toml': '[workspace]\nmembers = ["a", "b"]\n' }, stack(['rust'], [], ['cargo']));
      assert.ok(workspace.notes.some((n) => /binary name/.test(n)));
      assert.match(workspace.dockerfile, /cp target\/release\/app \/out-app/);
    });

    it('.NET with only a solution file: publishes the folder, with a note', async () => {
      const r = await generate({ 'App.sln': '' }, stack(['csharp'], ['dotnet'], ['nuget']));
      assert.ok(r.notes.some((n) => /No project file/.test(n)));
      assert.ok(linesOf(r.dockerfile).includes('RUN dotnet publish -c Release -o /app/publish /p:UseAppHost=false'));
    });

    it('.NET project and assembly names that would break RUN or the JSON ENTRYPOINT are quoted or replaced', async () => {
      const csproj = '<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net8.0</TargetFramework><AssemblyName>My"App</AssemblyName></PropertyGroup></Project>';
      const r = await generate({ 'My Tool.csproj': csproj }, stack(['csharp'], ['dotnet'], ['nuget']));
      const lines = linesOf(r.dockerfile);
      assert.ok(lines.includes('RUN dotnet publish "My Tool.csproj" -c Release -o /app/publish /p:UseAppHost=false'), lines.join('\n'));
      assert.ok(lines.includes('ENTRYPOINT ["dotnet", "App.dll"]'));
      assert.ok(r.notes.some((n) => /assembly name "My"App" is not a plain file name/.test(n)));
    });
  });

  it('Go: the version go.mod names, go.sum when present, the one command under cmd/, a static binary on distroless', async () => {
    const r = await generate({ 'go.mod': 'module example.com/shop\n\ngo 1.22.3\n', 'go.sum': '', 'cmd/api/main.go': 'package main\n', 'internal/x.go': '' }, stack(['go'], ['gin'], ['go']));
    assert.equal(r.port, 8080);
    const lines = linesOf(r.dockerfile);
    assert.equal(lines[0], 'FROM golang:1.22-alpine AS build');
    assert.ok(lines.includes('COPY go.mod go.sum ./'));
    assert.ok(lines.includes('RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/api'));
    assert.ok(lines.includes('ENTRYPOINT ["/app"]'));
  });

  it('Go without go.sum copies go.mod alone', async () => {
    const r = await generate({ 'go.mod': 'module x\n\ngo 1.23\n', 'main.go': '' }, stack(['go'], [], ['go']));
    assert.ok(linesOf(r.dockerfile).includes('COPY go.mod ./'));
  });

  it('Rust: the package name even when other keys come first, the locked build, the framework port', async () => {
    const cargo = '[package]\nauthors = ["Me <me@example.com>"]\nname = "shop-api"\nversion = "0.1.0"\nrust-version = "1.78"\n\n[dependencies]\naxum = "0.7"\n';
    const r = await generate({ 'Cargo.toml': cargo, 'Cargo.lock': '', 'src/main.rs': '' }, stack(['rust'], ['axum'], ['cargo']));
    assert.equal(r.port, 8080);
    assert.equal(linesOf(r.dockerfile)[0], 'FROM rust:1.78-slim-bookworm AS build');
    assert.match(r.dockerfile, /cargo build --release --locked && cp target\/release\/shop-api \/out-app/);
    const rocket = await generate({ 'Cargo.toml': '[package]\nname = "r"\n\n[[bin]]\nname = "server"\npath = "src/bin/server.rs"\n' }, stack(['rust'], ['rocket'], ['cargo']));
    assert.equal(rocket.port, 8000);
    assert.match(rocket.dockerfile, /cp target\/release\/server \/out-app/);
  });

  it('Java on Maven: the Java version of the pom, a JRE runtime', async () => {
    const pom = '<project><properties><java.version>17</java.version></properties><parent><groupId>org.springframework.boot</groupId></parent></project>';
    const r = await generate({ 'pom.xml': pom, 'src/main/java/App.java': '' }, stack(['java'], ['spring-boot'], ['maven']));
    assert.equal(r.template, 'java-maven');
    assert.equal(r.port, 8080);
    const lines = linesOf(r.dockerfile);
    assert.equal(lines[0], 'FROM maven:3.9-eclipse-temurin-17 AS build');
    assert.ok(lines.includes('FROM eclipse-temurin:17-jre AS runtime'));
    assert.ok(lines.includes('ENTRYPOINT ["java", "-jar", "/app/app.jar"]'));
  });

  it('Java on Gradle (Kotlin DSL, wrapper, toolchain): bootJar for Spring Boot', async () => {
    const r = await generate({ 'build.gradle.kts': 'kotlin {\n    jvmToolchain(17)\n}\n', gradlew: '#!/bin/sh\n', 'settings.gradle.kts': '' }, stack(['kotlin'], ['spring-boot'], ['gradle']));
    assert.equal(r.template, 'java-gradle');
    const lines = linesOf(r.dockerfile);
    assert.equal(lines[0], 'FROM eclipse-temurin:17-jdk AS build');
    assert.ok(lines.some((l) => l.startsWith('RUN chmod +x gradlew && ./gradlew --no-daemon bootJar -x test')));
  });

  it('.NET 8 web app: the aspnet runtime, the image\'s non-root user, port 8080', async () => {
    const csproj = '<Project Sdk="Microsoft.NET.Sdk.Web"><PropertyGroup><TargetFramework>net8.0</TargetFramework><AssemblyName>Shop.Api</AssemblyName></PropertyGroup></Project>';
    const r = await generate({ 'Shop.csproj': csproj, 'Program.cs': '' }, stack(['csharp'], ['aspnetcore', 'dotnet'], ['nuget']));
    assert.equal(r.template, 'dotnet-aspnetcore');
    assert.equal(r.port, 8080);
    const lines = linesOf(r.dockerfile);
    assert.ok(lines.includes('FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS runtime'));
    assert.ok(lines.includes('USER $APP_UID'));
    assert.ok(lines.includes('ENTRYPOINT ["dotnet", "Shop.Api.dll"]'));
  });

  it('.NET 6 console app: the plain runtime, a user of its own, no port', async () => {
    const r = await generate({ 'Tool.csproj': '<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net6.0</TargetFramework></PropertyGroup></Project>' }, stack(['csharp'], ['dotnet'], ['nuget']));
    assert.equal(r.template, 'dotnet');
    assert.equal(r.port, undefined);
    assert.ok(linesOf(r.dockerfile).includes('FROM mcr.microsoft.com/dotnet/runtime:6.0 AS runtime'));
    assert.ok(linesOf(r.dockerfile).includes('ENTRYPOINT ["dotnet", "Tool.dll"]'));
  });
});
