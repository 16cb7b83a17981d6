/** One problem found in a content file: where (a field path such as `programmes.digiter.criteria[0].min`) and what. */
export interface ContentProblem {
  /** Field path inside the file; `(root)` for the whole document, `(file)` for the file itself. */
  path: string;
  message: string;
}

/**
 * A content file is missing, is not JSON, or does not match its schema. The message names the
 * file, the field and what was expected, e.g.
 * `content/eligibility-rules.json: programmes.digiter.criteria[0].min: expected number, received string`.
 */
export class ContentValidationError extends Error {
  override readonly name = 'ContentValidationError';
  constructor(readonly file: string, readonly problems: readonly ContentProblem[], options?: { cause?: unknown }) {
    super(problems.map((p) => `${file}: ${p.path}: ${p.message}`).join('\n'), options);
  }
}
