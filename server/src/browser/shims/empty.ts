// An empty module for Node built-ins that the web extension's server bundle references but never calls
// (the emscripten glue's Node.js branch requires crypto; the Node-only helpers util, worker_threads).
export default {};
