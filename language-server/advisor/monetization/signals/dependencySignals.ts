import type { DepEcosystem, DepIndex } from '../../classify/classifyFacts';
import { ABSENT, present } from '../signalIds';
import type { SignalId, SignalState } from '../signalIds';

type DepTable = readonly (readonly [DepEcosystem, readonly string[]])[];

/** Signals read from what a project depends on (any kind: a payments SDK in dev dependencies still counts). */
const BY_DEPENDENCY: ReadonlyArray<readonly [SignalId, DepTable]> = [
  ['has-auth', [
    ['npm', ['next-auth', '@auth/core', 'better-auth', 'lucia', 'passport', '@nestjs/passport', '@clerk/*', '@auth0/*', 'auth0', '@supabase/supabase-js', '@supabase/auth-js', 'firebase', 'firebase-admin', '@kinde-oss/*', '@workos-inc/*', 'express-openid-connect', 'keycloak-js', 'oidc-client-ts', '@okta/*', 'supertokens-node']],
    ['pypi', ['django-allauth', 'flask-login', 'flask-jwt-extended', 'authlib', 'fastapi-users', 'python-jose', 'pyjwt', 'djangorestframework-simplejwt', 'dj-rest-auth', 'social-auth-app-django']],
    ['rubygems', ['devise', 'omniauth', 'sorcery', 'rodauth']],
    ['packagist', ['laravel/breeze', 'laravel/jetstream', 'laravel/sanctum', 'laravel/fortify', 'symfony/security-bundle']],
    ['go', ['github.com/golang-jwt/jwt*', 'github.com/markbates/goth', 'github.com/coreos/go-oidc*']],
    ['cargo', ['axum-login', 'oauth2', 'jsonwebtoken', 'openidconnect']],
    ['maven', ['org.springframework.boot:spring-boot-starter-security', 'org.springframework.boot:spring-boot-starter-oauth2-*']],
    ['pub', ['firebase_auth', 'supabase_flutter', 'google_sign_in', 'sign_in_with_apple']],
  ]],
  ['has-payments', [
    ['npm', ['stripe', '@stripe/*', '@paddle/*', 'paddle-sdk', '@lemonsqueezy/*', 'lemonsqueezy.ts', 'braintree', '@paypal/*', 'chargebee', 'chargebee-typescript', 'recurly', '@polar-sh/*', 'react-native-purchases', '@revenuecat/*']],
    ['pypi', ['stripe', 'dj-stripe', 'paddle-python-sdk', 'paypalrestsdk', 'braintree', 'chargebee', 'lemonsqueezy']],
    ['rubygems', ['stripe', 'pay', 'braintree', 'paddle']],
    ['packagist', ['stripe/stripe-php', 'laravel/cashier', 'laravel/cashier-paddle', 'lemonsqueezy/laravel']],
    ['go', ['github.com/stripe/stripe-go*']],
    ['cargo', ['async-stripe', 'stripe-rust']],
    ['maven', ['com.stripe:stripe-java']],
    ['pub', ['purchases_flutter', 'in_app_purchase', 'flutter_stripe']],
    ['nuget', ['stripe.net']],
  ]],
  ['has-analytics', [
    ['npm', ['@vercel/analytics', 'posthog-js', 'posthog-node', '@segment/analytics-next', 'plausible-tracker', 'react-ga4', 'mixpanel-browser', '@amplitude/*', '@next/third-parties', 'vue-gtag']],
    ['pypi', ['posthog', 'mixpanel', 'segment-analytics-python']],
    ['pub', ['firebase_analytics']],
  ]],
  ['has-ads', [
    ['npm', ['react-google-adsense', 'vue-google-adsense', 'react-native-google-mobile-ads', '@ctrl/react-adsense', 'prebid.js']],
    ['pub', ['google_mobile_ads']],
  ]],
  ['has-rate-limiting', [
    ['npm', ['express-rate-limit', '@fastify/rate-limit', 'rate-limiter-flexible', '@upstash/ratelimit', '@nestjs/throttler', 'hono-rate-limiter']],
    ['pypi', ['slowapi', 'django-ratelimit', 'flask-limiter', 'fastapi-limiter']],
    ['go', ['golang.org/x/time', 'github.com/ulule/limiter*']],
    ['cargo', ['governor', 'tower_governor']],
    ['rubygems', ['rack-attack']],
  ]],
  ['has-api-docs', [
    ['npm', ['@nestjs/swagger', 'swagger-ui-express', '@fastify/swagger', 'swagger-jsdoc', '@hono/zod-openapi']],
    ['pypi', ['fastapi', 'drf-spectacular', 'drf-yasg', 'flasgger', 'apispec']],
    ['go', ['github.com/swaggo/*']],
    ['cargo', ['utoipa', 'aide']],
    ['maven', ['org.springdoc:*']],
  ]],
];

/** Each signal of the table: present with the dependency that shows it, or absent. */
export function dependencySignals(deps: DepIndex): Array<[SignalId, SignalState]> {
  return BY_DEPENDENCY.map(([id, table]) => [id, firstHit(deps, table)]);
}

function firstHit(deps: DepIndex, table: DepTable): SignalState {
  for (const [eco, names] of table) {
    const hit = deps.find(eco, names, 'any');
    if (hit) return present(`${hit.manifest} depends on ${hit.name}`);
  }
  return ABSENT;
}
