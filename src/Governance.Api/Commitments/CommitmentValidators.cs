using FluentValidation;
using Governance.Api.Http;
using Governance.Api.Meetings;
using Governance.Domain;
using Governance.Domain.Commitments;
using NodaTime;
using NodaTime.Text;

namespace Governance.Api.Commitments;

// Shape only: required fields, formats, lengths. The rules (R10, R11, R12, R19) are the deciders'.

internal static class PromiseRules
{
    public static bool TryParseDate(string? text, out LocalDate date)
    {
        if (text is not null && LocalDatePattern.Iso.Parse(text) is { Success: true } result)
        {
            date = result.Value;
            return true;
        }
        date = default;
        return false;
    }

    public static IRuleBuilderOptions<T, string?> Date<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().Must(v => TryParseDate(v, out _)).WithMessage("Use a calendar day as 'yyyy-MM-dd', e.g. '2026-06-01'.");

    public static IRuleBuilderOptions<T, string?> PersonId<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(p => Domain.PersonId.TryParse(p, out _)).WithMessage("A person id is 'p-' and 12 lower-case hex digits.");

    public static IRuleBuilderOptions<T, string?> Id<T>(this IRuleBuilder<T, string?> rule, int max) =>
        rule.NotEmpty().Must(v => PartnerId.TryParse(v, out _) && v!.Length <= max)
            .WithMessage($"Use lower-case letters, digits and hyphens (at most {max}).");
}

public sealed class MakeCommitmentValidator : AbstractValidator<MakeCommitmentRequest>
{
    public MakeCommitmentValidator()
    {
        RuleFor(r => r.Id).Id(CommitmentId.MaxLength);
        RuleFor(r => r.Owner).Slug();
        RuleFor(r => r.OwnerPerson).PersonId().When(r => r.OwnerPerson is not null);
        RuleFor(r => r.What).Text(MeetingRules.TextLength);
        RuleFor(r => r.Due).Date();
        RuleFor(r => r.Source).NotNull();
        RuleFor(r => r.Source!.Kind).OneOf<MakeCommitmentRequest, CommitmentSourceKind>().When(r => r.Source is not null).OverridePropertyName("source.kind");
        RuleFor(r => r.Source!.Meeting).MeetingSlug().When(r => r.Source?.Meeting is not null).OverridePropertyName("source.meeting");
        RuleFor(r => r.Source!.Item).Slug().When(r => r.Source?.Item is not null).OverridePropertyName("source.item");
        RuleFor(r => r.Source!.Reference).MaximumLength(MeetingRules.NameLength).OverridePropertyName("source.reference").When(r => r.Source is not null);
        RuleFor(r => r.Source!.Occasion).MaximumLength(MeetingRules.NameLength).OverridePropertyName("source.occasion").When(r => r.Source is not null);
        RuleForEach(r => r.Source!.Witnesses).PersonId().When(r => r.Source?.Witnesses is not null).OverridePropertyName("source.witnesses");
    }
}

public sealed class CorrectCommitmentValidator : AbstractValidator<CorrectCommitmentRequest>
{
    public CorrectCommitmentValidator()
    {
        RuleFor(r => r.Owner).Slug().When(r => r.Owner is not null);
        RuleFor(r => r.OwnerPerson).PersonId().When(r => r.OwnerPerson is not null);
        RuleFor(r => r.Due).Date().When(r => r.Due is not null);
        RuleFor(r => r.Reason).Text(MeetingRules.TextLength);
    }
}

public sealed class CommitmentProgressValidator : AbstractValidator<CommitmentProgressRequest>
{
    public CommitmentProgressValidator() => RuleFor(r => r.Note).Text(MeetingRules.TextLength);
}

public sealed class RenegotiateDueDateValidator : AbstractValidator<RenegotiateDueDateRequest>
{
    public RenegotiateDueDateValidator()
    {
        RuleFor(r => r.NewDue).Date();
        RuleFor(r => r.Reason).Text(MeetingRules.TextLength);
        RuleFor(r => r.AgreedBy).PersonId().When(r => r.AgreedBy is not null);
    }
}

public sealed class FulfilCommitmentValidator : AbstractValidator<FulfilCommitmentRequest>
{
    public FulfilCommitmentValidator()
    {
        RuleFor(r => r.Evidence).Text(MeetingRules.TextLength);
        RuleFor(r => r.Link).MaximumLength(MeetingRules.NameLength * 5)
            .Must(l => Uri.TryCreate(l, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp))
            .WithMessage("Give an http(s) link.").When(r => r.Link is not null);
    }
}

public sealed class CommitmentNotPossibleValidator : AbstractValidator<CommitmentNotPossibleRequest>
{
    public CommitmentNotPossibleValidator() => RuleFor(r => r.Motivation).Text(MeetingRules.TextLength);
}

public sealed class WithdrawCommitmentValidator : AbstractValidator<WithdrawCommitmentRequest>
{
    public WithdrawCommitmentValidator()
    {
        RuleFor(r => r.Reason).Text(MeetingRules.TextLength);
        RuleFor(r => r.AgreedBy).PersonId().When(r => r.AgreedBy is not null);
    }
}
