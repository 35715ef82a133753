using System.Diagnostics.CodeAnalysis;

namespace Governance.Domain;

/// <summary>
/// A decider refused a command because it would break a rule. <see cref="Code"/> is the rule id and a
/// slug (<c>R13.direct-interest</c>) or, for refusals that are not one of R1–R21, a subject and a slug
/// (<c>partner.unknown</c>). The host maps it to HTTP 409 with the code in the problem details.
/// </summary>
[SuppressMessage("Naming", "CA1710:Identifiers should have correct suffix",
    Justification = "Read as a fact at the throw site: `throw new RuleViolated(\"R7.information-too-late\")`.")]
public sealed class RuleViolated : Exception
{
    public RuleViolated(string code, string? detail = null)
        : base(detail is null ? $"Refused ({code})." : $"Refused ({code}): {detail}")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        Code = code;
        Detail = detail;
    }

    public string Code { get; }

    /// <summary>What was wrong, in English, for logs and developers; the host shows its own Dutch text per code.</summary>
    public string? Detail { get; }
}
