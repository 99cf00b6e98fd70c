/** A .docx problem a user can act on; the message is Chinese and names the cause. */
export class DocxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DocxError';
  }
}
