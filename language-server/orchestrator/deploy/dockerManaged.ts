import { dockerignore, lines, type Ecosystem, type Template, type TemplateContext } from './templateKit';
import { shellArg } from './shellArg';
import type { DockerfileResult } from './types';

/** Managed runtimes (JVM, .NET): the SDK image builds, the runtime-only image (JRE, ASP.NET) runs, non-root. */
export const managedTemplates: Pick<Record<Ecosystem, Template>, 'java' | 'dotnet'> = { java: javaImage, dotnet: dotnetImage };

async function javaImage(ctx: TemplateContext): Promise<DockerfileResult> {
  const gradle = ctx.stack.packageManagers.includes('gradle') || ctx.names.has('build.gradle') || ctx.names.has('build.gradle.kts');
  const spring = ctx.stack.frameworks.includes('spring-boot');
  const version = (await javaVersion(ctx)) ?? '21';
  const build = gradle ? gradleBuild(ctx, version, spring) : mavenBuild(version);
  if (!spring) ctx.notes.push('Assumes the build makes a runnable (fat) jar; without one, use the application/shade plugin.');
  const dockerfile = lines(
    ...build, '',
    `FROM eclipse-temurin:${version}-jre AS runtime`, 'RUN useradd --system --uid 10001 app', 'WORKDIR /app',
    'COPY --from=build /out/app.jar app.jar', 'USER app', 'EXPOSE 8080', 'ENTRYPOINT ["java", "-jar", "/app/app.jar"]',
  );
  return { template: gradle ? 'java-gradle' : 'java-maven', dockerfile, dockerignore: dockerignore('target', 'build', '.gradle', 'out'), port: 8080, notes: ctx.notes };
}

/** Picks the application jar, not the -sources/-javadoc/-plain ones a build also leaves. */
const PICK_JAR = (dir: string): string =>
  `mkdir -p /out && cp "$(find ${dir} -maxdepth 1 -name '*.jar' ! -name '*-sources.jar' ! -name '*-javadoc.jar' ! -name '*-plain.jar' | head -n 1)" /out/app.jar`;

function mavenBuild(version: string): string[] {
  return [
    `FROM maven:3.9-eclipse-temurin-${version} AS build`, 'WORKDIR /src',
    'COPY pom.xml ./', 'RUN mvn -B -q dependency:go-offline', 'COPY src ./src',
    `RUN mvn -B -DskipTests package && ${PICK_JAR('target')}`,
  ];
}

function gradleBuild(ctx: TemplateContext, version: string, spring: boolean): string[] {
  const wrapper = ctx.names.has('gradlew');
  const task = spring ? 'bootJar' : 'jar';
  return [
    wrapper ? `FROM eclipse-temurin:${version}-jdk AS build` : `FROM gradle:8-jdk${version} AS build`, 'WORKDIR /src', 'COPY . .',
    `RUN ${wrapper ? 'chmod +x gradlew && ./gradlew' : 'gradle'} --no-daemon ${task} -x test && ${PICK_JAR('build/libs')}`,
  ];
}

async function javaVersion(ctx: TemplateContext): Promise<string | undefined> {
  const pom = await ctx.text('pom.xml');
  const fromPom = pom ? /<(?:java\.version|maven\.compiler\.release|maven\.compiler\.target)>\s*(?:1\.)?(\d+)/.exec(pom)?.[1] : undefined;
  if (fromPom) return fromPom;
  const script = (await ctx.text('build.gradle.kts')) ?? (await ctx.text('build.gradle'));
  return script ? /JavaLanguageVersion\.of\((\d+)\)|JavaVersion\.VERSION_(?:1_)?(\d+)|jvmToolchain\((\d+)\)/.exec(script)?.slice(1).find(Boolean) : undefined;
}

async function dotnetImage(ctx: TemplateContext): Promise<DockerfileResult> {
  const project = [...ctx.names].filter((n) => /\.(cs|fs|vb)proj$/.test(n)).sort()[0];
  if (!project) ctx.notes.push('No project file at the root (a solution?); point `dotnet publish` at the project to run.');
  const text = project ? await ctx.text(project) : undefined;
  const tfm = text ? /<TargetFrameworks?>\s*net(\d+\.\d+)/.exec(text)?.[1] : undefined;
  const version = tfm ?? '8.0';
  const named = (text ? /<AssemblyName>\s*([^<\s]+)/.exec(text)?.[1] : undefined) ?? project?.replace(/\.\w+proj$/, '');
  // Both names go into RUN and a JSON ENTRYPOINT, so only plain ones are used as they are.
  const assembly = named && /^[\w.-]+$/.test(named) ? named : 'App';
  if (named && assembly !== named) ctx.notes.push(`The assembly name "${named}" is not a plain file name; replace App.dll in ENTRYPOINT.`);
  const quoted = project ? shellArg(project) : undefined;
  if (quoted && !quoted.ok) ctx.notes.push(`The project file ${quoted.note}; the image publishes the whole folder.`);
  const publish = quoted?.ok ? ` ${quoted.arg}` : '';
  const web = ctx.stack.frameworks.includes('aspnetcore') || (text !== undefined && /Sdk="Microsoft\.NET\.Sdk\.Web"/.test(text));
  // .NET 8+ images carry an unprivileged `app` user ($APP_UID) and listen on 8080; older ones need both set up.
  const modern = Number(version.split('.')[0]) >= 8;
  const dockerfile = lines(
    `FROM mcr.microsoft.com/dotnet/sdk:${version} AS build`, 'WORKDIR /src', 'COPY . .',
    `RUN dotnet publish${publish} -c Release -o /app/publish /p:UseAppHost=false`, '',
    `FROM mcr.microsoft.com/dotnet/${web ? 'aspnet' : 'runtime'}:${version} AS runtime`, 'WORKDIR /app',
    'COPY --from=build /app/publish .',
    !modern && 'RUN useradd --uid 10001 app', !modern && web && 'ENV ASPNETCORE_URLS=http://+:8080',
    modern ? 'USER $APP_UID' : 'USER app', web && 'EXPOSE 8080', `ENTRYPOINT ["dotnet", "${assembly}.dll"]`,
  );
  return { template: web ? 'dotnet-aspnetcore' : 'dotnet', dockerfile, dockerignore: dockerignore('bin', 'obj'), ...(web ? { port: 8080 } : {}), notes: ctx.notes };
}
