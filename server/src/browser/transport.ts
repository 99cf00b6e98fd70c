// server/src/transport.ts in the web extension's server bundle: messages go through postMessage (structured
// clone, no JSON text), so there is no encoding to save and a kept list is sent like any other.
export function sentAsIs<T extends object>(list: T[]): T[] {
  return list;
}
