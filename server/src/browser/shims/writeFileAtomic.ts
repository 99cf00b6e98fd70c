// write-file-atomic in the web extension's server bundle: nothing is written to disk from a web worker.
const MESSAGE = '网页版无法写入本地文件';

function writeFileAtomic(): Promise<void> {
  return Promise.reject(new Error(MESSAGE));
}
writeFileAtomic.sync = (): never => {
  throw new Error(MESSAGE);
};
export default writeFileAtomic;
