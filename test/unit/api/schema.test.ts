import assert from 'node:assert/strict';
import { ApiError } from '../../../language-server/api/http/apiError';
import { int, obj, oneOf, optional, str } from '../../../language-server/api/schema';

describe('api: body validators', () => {
  const body = obj({ command: str({ max: 10, oneLine: true }), mode: optional(oneOf(['a', 'b'] as const)), n: optional(int({ min: 1, max: 5 })) });
  const problem = (value: unknown): string => {
    try {
      body.check(value, 'body');
      return 'accepted';
    } catch (error) {
      assert.ok(error instanceof ApiError && error.status === 400, String(error));
      return error.message;
    }
  };

  describe('hostile bodies', () => {
    it('refuses what is not an object', () => {
      for (const value of [null, [], 'x', 3, true]) assert.match(problem(value), /^body must be a JSON object\.$/, JSON.stringify(value));
    });

    it('refuses fields it does not know, naming them (cut short)', () => {
      assert.match(problem({ command: 'x', extra: 1 }), /does not take: "extra"/);
      assert.match(problem({ command: 'x', ['k'.repeat(1000)]: 1 }), /"k{40}"\./);
      assert.match(problem({ command: 'x', __proto__: { polluted: true } }), /accepted/, 'a __proto__ literal sets no own field');
      assert.match(problem(JSON.parse('{"command":"x","__proto__":{"polluted":true}}')), /does not take: "__proto__"/);
    });

    it('names the field that is missing, of the wrong type, too long or on two lines', () => {
      assert.match(problem({}), /body\.command is required/);
      assert.match(problem({ command: 5 }), /body\.command must be a string/);
      assert.match(problem({ command: '' }), /body\.command must be 1 to 10 characters long \(it is 0\)/);
      assert.match(problem({ command: 'x'.repeat(11) }), /it is 11/);
      assert.match(problem({ command: 'a\nb' }), /body\.command must be one line/);
      assert.match(problem({ command: 'x', mode: 'c' }), /body\.mode must be one of "a", "b"/);
      assert.match(problem({ command: 'x', n: 1.5 }), /body\.n must be a whole number from 1 to 5/);
      assert.match(problem({ command: 'x', n: '3' }), /body\.n must be a whole number/);
    });
  });

  it('passes what it takes, optional fields left out', () => {
    assert.deepEqual(body.check({ command: 'ok', n: 2 }, 'body'), { command: 'ok', mode: undefined, n: 2 });
  });

  it('describes itself as JSON Schema with the same limits', () => {
    assert.deepEqual(body.json, {
      type: 'object',
      properties: { command: { type: 'string', minLength: 1, maxLength: 10, pattern: '^[^\\r\\n]*$' }, mode: { type: 'string', enum: ['a', 'b'] }, n: { type: 'integer', minimum: 1, maximum: 5 } },
      required: ['command'],
      additionalProperties: false,
    });
  });
});
