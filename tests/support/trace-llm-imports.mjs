// Node module hook for tests: reports on stderr every module loaded from the openai SDK or src/llm,
// so a test can prove the LLM code is not even loaded when no LLM is configured.
import { register } from 'node:module';

const hook = `
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (/node_modules\\/openai\\/|\\/src\\/llm\\//.test(result.url)) process.stderr.write('LLM-MODULE-LOADED ' + result.url + '\\n');
  return result;
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
