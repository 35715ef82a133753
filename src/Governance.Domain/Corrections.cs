using Governance.Domain.Alliances;

namespace Governance.Domain;

/// <summary>
/// A record made in error (the wrong speaker, the wrong partner, the wrong date) is corrected by a new event that names the
/// old and the new values, who corrected it, in which office, and why; never by an edit, because the ledger is append-only and
/// hash-chained, and the original must stay readable. These are the rules every correction shares.
/// </summary>
public static class Corrections
{
    /// <summary>Who corrects: the chair or the secretary, who keep the record of the table. The host says which office the person holds.</summary>
    public static Office By(Office? office) => office is Office.Chair or Office.Secretary
        ? office.Value
        : throw new RuleViolated("correction.not-an-officer", "Only the chair or the secretary corrects a record.");

    /// <summary>A correction always says why: the record shows it beside the corrected text.</summary>
    public static string Reason(string? reason) => string.IsNullOrWhiteSpace(reason)
        ? throw new RuleViolated("correction.reason-required", "A correction says why the record was wrong.")
        : reason.Trim();
}
