/**
 * A key a partner's system uses to call the partner API. Only the SHA-256 of its secret part is
 * kept; the whole key (`pk_<id>_<secret>`) is shown once, when it is made.
 */
export interface PartnerApiKey {
  /** Public part, also in the key: finds the record without scanning. */
  id: string;
  partnerId: string;
  /** What it is for ("CRM", "intake"), set by whoever made it. */
  label: string;
  /** SHA-256 of the secret part, 64 lowercase hex digits. */
  secretHash: string;
  createdAt: Date;
  revokedAt: Date | null;
}
