import assert from 'node:assert/strict';
import { checkDockerfile, contextSources, instructions } from './dockerfileCheck';

/** The checker the generator tests rely on must itself catch what it claims to. */
describe('deploy: the Dockerfile checker used by the tests', () => {
  it('catches a missing FROM, an instruction before FROM and an unknown instruction', () => {
    assert.deepEqual(checkDockerfile('RUN echo hi\n', undefined), ['no FROM']);
    assert.ok(checkDockerfile('WORKDIR /a\nFROM x\nUSER u\nCMD ["a"]\n', undefined).includes('an instruction other than ARG comes before the first FROM'));
    assert.ok(checkDockerfile('FROM x\nCOPIE . .\nUSER u\nCMD ["a"]\n', undefined).some((p) => /unknown instruction COPIE/.test(p)));
  });

  it('allows ARG before FROM, and catches variables no ARG or ENV defines (but not in RUN)', () => {
    assert.deepEqual(checkDockerfile('ARG V=1\nFROM node:${V}\nENV A=1\nUSER app\nRUN echo $UNDEFINED_IN_SHELL\nCMD ["x"]\n', undefined), []);
    assert.deepEqual(checkDockerfile('FROM x\nCOPY $SRC .\nUSER app\nCMD ["x"]\n', undefined), ['line 2: COPY uses $SRC, which no ARG or ENV defines']);
    assert.deepEqual(checkDockerfile('FROM x\nENV P=/opt/bin:$PATH\nUSER $APP_UID\nCMD ["x"]\n', undefined), []);
  });

  it('catches COPY --from of a stage that does not exist yet, and a malformed exec-form CMD', () => {
    const problems = checkDockerfile('FROM x AS runtime\nCOPY --from=build /a /a\nUSER u\nCMD ["node", server.js]\n', undefined);
    assert.deepEqual(problems, ['line 2: COPY --from=build names no earlier stage', 'line 4: CMD is not a JSON array of strings']);
    assert.deepEqual(checkDockerfile('FROM x\nCOPY --from=ghcr.io/astral-sh/uv:0.5 /uv /uv\nUSER u\nCMD ["x"]\n', undefined), []);
  });

  it('wants a CMD or ENTRYPOINT, a non-root USER and EXPOSE equal to the reported port in the final stage', () => {
    assert.deepEqual(checkDockerfile('FROM a AS build\nCMD ["x"]\nUSER u\nFROM b\nUSER root\nEXPOSE 80\n', 3000), [
      'the final stage has no CMD or ENTRYPOINT',
      'EXPOSE 80 but the port reported is 3000',
      'the final stage runs as root',
    ]);
    assert.deepEqual(checkDockerfile('FROM b\nUSER u\nEXPOSE 3000\nCMD ["x"]\n', undefined), ['EXPOSE 3000 but the port reported is (none)']);
  });

  it('joins continuation lines and lists build-context COPY sources', () => {
    const text = 'FROM a\nRUN one \\\n    two\n# note\nCOPY --chown=a:a package.json yarn.lock ./\nCOPY --from=x /b /c\n';
    assert.deepEqual(instructions(text).map((i) => [i.keyword, i.line]), [['FROM', 1], ['RUN', 2], ['COPY', 5], ['COPY', 6]]);
    assert.deepEqual(contextSources(text), ['package.json', 'yarn.lock']);
  });
});
