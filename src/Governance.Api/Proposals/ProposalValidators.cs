using FluentValidation;
using Governance.Api.Meetings;
using Governance.Domain;
using Governance.Domain.Proposals;
using NodaTime.Text;

namespace Governance.Api.Proposals;

// Shape only: required fields, formats, lengths. The rules (R7–R9, R13, R14, R16, R21) are the decider's.

internal static class ProposalRules
{
    public const int ProposalTextLength = 20_000;

    public static IRuleBuilderOptions<T, string?> Person<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => PersonId.TryParse(v, out _)).WithMessage("Use a person id: 'p-' and 12 lower-case hex digits.");

    public static IRuleBuilderOptions<T, string?> Date<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => v is not null && LocalDatePattern.Iso.Parse(v).Success).WithMessage("Use a date as 'yyyy-MM-dd', e.g. '2026-06-09'.");
}

public sealed class TableProposalValidator : AbstractValidator<TableProposalRequest>
{
    public TableProposalValidator()
    {
        RuleFor(r => r.Id).NotEmpty().Must(v => ProposalId.TryParse(v, out _))
            .WithMessage($"Use lower-case letters, digits and hyphens (at most {ProposalId.MaxLength}), e.g. '2026-05-12-avondverlichting'.");
        RuleFor(r => r.Meeting).NotEmpty().MeetingSlug();
        RuleFor(r => r.Item).Slug();
        RuleFor(r => r.Title).Text(MeetingRules.NameLength);
        RuleFor(r => r.Text).Text(ProposalRules.ProposalTextLength);
        RuleFor(r => r.Partner).Slug();
        RuleFor(r => r.Proposer).Person().When(r => r.Proposer is not null);
        RuleForEach(r => r.Concerns).Slug();
    }
}

public sealed class AmendProposalValidator : AbstractValidator<AmendProposalRequest>
{
    public AmendProposalValidator()
    {
        RuleFor(r => r.Text).Text(ProposalRules.ProposalTextLength);
        RuleFor(r => r.Reason).Text(MeetingRules.TextLength);
    }
}

public sealed class ContributionValidator : AbstractValidator<ContributionRequest>
{
    public ContributionValidator()
    {
        RuleFor(r => r.Kind).OneOf<ContributionRequest, ContributionKind>();
        RuleFor(r => r.By).Person().When(r => r.By is not null);
        RuleFor(r => r.Partner).Slug().When(r => r.Partner is not null);
        RuleFor(r => r.Summary).Text(MeetingRules.TextLength);
    }
}

public sealed class RaiseObjectionValidator : AbstractValidator<RaiseObjectionRequest>
{
    public RaiseObjectionValidator()
    {
        RuleFor(r => r.By).Person().When(r => r.By is not null);
        RuleFor(r => r.Partner).Slug().When(r => r.Partner is not null);
        RuleFor(r => r.Reasons).Text(MeetingRules.TextLength);
    }
}

public sealed class CorrectObjectionValidator : AbstractValidator<CorrectObjectionRequest>
{
    public CorrectObjectionValidator()
    {
        RuleFor(r => r.By).NotEmpty().Person();
        RuleFor(r => r.Partner).Slug().When(r => r.Partner is not null);
        RuleFor(r => r.Reason).Text(MeetingRules.TextLength);
    }
}

public sealed class TestObjectionValidator : AbstractValidator<TestObjectionRequest>
{
    public TestObjectionValidator()
    {
        RuleFor(r => r.Finding).OneOf<TestObjectionRequest, ObjectionFinding>();
        RuleFor(r => r.Note).MaximumLength(MeetingRules.TextLength);
    }
}

public sealed class ResolveObjectionValidator : AbstractValidator<ResolveObjectionRequest>
{
    public ResolveObjectionValidator()
    {
        RuleFor(r => r.Resolution).OneOf<ResolveObjectionRequest, ObjectionResolution>();
        RuleFor(r => r.Note).MaximumLength(MeetingRules.TextLength);
        RuleFor(r => r.Owner).Person().When(r => r.Owner is not null);
        RuleFor(r => r.Due).Date().When(r => r.Due is not null);
    }
}

public sealed class OpenVoteValidator : AbstractValidator<OpenVoteRequest>
{
    public OpenVoteValidator() => RuleFor(r => r.Ground).OneOf<OpenVoteRequest, VoteGround>();
}

public sealed class CastVoteValidator : AbstractValidator<CastVoteRequest>
{
    public CastVoteValidator()
    {
        RuleFor(r => r.Partner).Slug();
        RuleFor(r => r.Choice).OneOf<CastVoteRequest, VoteChoice>();
    }
}

public sealed class RecusalValidator : AbstractValidator<RecusalRequest>
{
    public RecusalValidator()
    {
        RuleFor(r => r.Person).Person().When(r => r.Person is not null);
        RuleFor(r => r.Reason).Text(MeetingRules.TextLength);
    }
}

public sealed class WithdrawProposalValidator : AbstractValidator<WithdrawProposalRequest>
{
    public WithdrawProposalValidator() => RuleFor(r => r.Reason).Text(MeetingRules.TextLength);
}

public sealed class DeferProposalValidator : AbstractValidator<DeferProposalRequest>
{
    public DeferProposalValidator()
    {
        RuleFor(r => r.Reason).Text(MeetingRules.TextLength);
        RuleFor(r => r.To).MeetingSlug().When(r => r.To is not null);
    }
}

public sealed class DeclineExecutionValidator : AbstractValidator<DeclineExecutionRequest>
{
    public DeclineExecutionValidator()
    {
        RuleFor(r => r.Partner).Slug();
        RuleFor(r => r.By).Person().When(r => r.By is not null);
        RuleFor(r => r.Reason).Text(MeetingRules.TextLength);
    }
}

public sealed class AdviceMotivationValidator : AbstractValidator<AdviceMotivationRequest>
{
    public AdviceMotivationValidator()
    {
        RuleFor(r => r.Motivation).Text(ProposalRules.ProposalTextLength);
        RuleFor(r => r.FollowsAdvice).NotNull();
    }
}
