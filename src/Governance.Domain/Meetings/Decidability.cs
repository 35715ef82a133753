namespace Governance.Domain.Meetings;

/// <summary>
/// Whether an item may be discussed or decided now (R7), and if not, why: <see cref="Refusal"/> is the code the
/// decisions feature throws (<c>R7.not-decidable</c>, <c>item.not-accepted</c> …). <see cref="UnderWaiver"/> says
/// it is decidable only because a residents' representative waived the information period.
/// </summary>
public sealed record Decidability(AgendaItemId Item, string? Refusal, string? Detail, bool UnderWaiver, int? AgreementsVersion)
{
    public bool Decidable => Refusal is null;

    public static Decidability Yes(AgendaItemId item, bool underWaiver, int agreementsVersion) =>
        new(item, null, null, underWaiver, agreementsVersion);

    public static Decidability No(AgendaItemId item, string refusal, string detail, int? agreementsVersion) =>
        new(item, refusal, detail, false, agreementsVersion);

    /// <summary>For a decider that must refuse what is not decidable.</summary>
    public void ThrowIfNotDecidable()
    {
        if (Refusal is not null)
        {
            throw new RuleViolated(Refusal, Detail);
        }
    }
}
