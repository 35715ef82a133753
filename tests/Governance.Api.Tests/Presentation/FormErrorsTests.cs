using Governance.Api.Presentation;

namespace Governance.Api.Tests.Presentation;

/// <summary>The error summary of a form (issue 13): one message per field, and never the same message twice.</summary>
public sealed class FormErrorsTests
{
    [Fact]
    public void A_refusal_added_twice_is_summarised_once()
    {
        var errors = new FormErrors();
        errors.Add(null, "Er is nog een geldig bezwaar dat niet is opgelost.");
        errors.Add(null, "Er is nog een geldig bezwaar dat niet is opgelost.");
        Assert.Single(errors.All);
    }

    [Fact]
    public void A_message_already_shown_at_its_field_is_not_repeated_without_one_and_a_field_keeps_its_first_message()
    {
        var errors = new FormErrors();
        errors.Add("titel", "Vul de titel in.");
        errors.Add(null, "Vul de titel in.");
        errors.Add("titel", "Een andere melding.");
        errors.Add("tekst", "Vul de titel in.");

        Assert.Equal([("titel", "Vul de titel in."), ("tekst", "Vul de titel in.")], errors.All.Select(e => (e.InputId, e.Message)));
    }
}
