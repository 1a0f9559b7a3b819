package com.relabel.audit;

/**
 * What verifying the audit trail's hash chain found.
 *
 * @param entries the rows checked
 * @param intact whether every row and the chain's head check out
 * @param brokenRowId the first row that does not, or null (intact, or only the head disagrees)
 * @param problem what is wrong, in words; null when intact
 * @param lastHash the hash of the last row checked ({@link #GENESIS} for an empty trail): noted
 *     outside the database, it shows later that nothing up to that row was rewritten since
 */
public record AuditChainReport(
    long entries, boolean intact, Long brokenRowId, String problem, String lastHash) {

  /** What an empty trail's chain starts from. */
  public static final String GENESIS = AuditChain.GENESIS;

  /** A chain that does not check out after {@code entries} rows: the first problem found. */
  static AuditChainReport broken(long entries, Long brokenRowId, String problem, String lastHash) {
    return new AuditChainReport(entries, false, brokenRowId, problem, lastHash);
  }
}
