using FluentValidation;
using Governance.Api.Commitments;
using Governance.Api.Meetings;
using Governance.Domain.Commitments;
using Governance.Domain.YearPlans;

namespace Governance.Api.YearPlans;

public sealed class StartYearPlanValidator : AbstractValidator<StartYearPlanRequest>
{
    public StartYearPlanValidator()
    {
        RuleFor(r => r.Id).Id(YearPlanId.MaxLength);
        RuleFor(r => r.Title).Text(MeetingRules.NameLength);
    }
}

public sealed class SetGoalValidator : AbstractValidator<SetGoalRequest>
{
    public SetGoalValidator()
    {
        RuleFor(r => r.Id).Slug();
        RuleFor(r => r.Horizon).OneOf<SetGoalRequest, GoalHorizon>();
        RuleFor(r => r.Title).Text(MeetingRules.NameLength);
        RuleFor(r => r.Owner).Slug().When(r => r.Owner is not null);
        RuleFor(r => r.TargetDate).Date().When(r => r.TargetDate is not null);
        RuleForEach(r => r.Commitments).Id(CommitmentId.MaxLength).When(r => r.Commitments is not null);
    }
}

public sealed class GoalNoteValidator : AbstractValidator<GoalNoteRequest>
{
    public GoalNoteValidator() => RuleFor(r => r.Note).Text(MeetingRules.TextLength);
}

public sealed class LinkGoalCommitmentValidator : AbstractValidator<LinkGoalCommitmentRequest>
{
    public LinkGoalCommitmentValidator() => RuleFor(r => r.Commitment).Id(CommitmentId.MaxLength);
}
