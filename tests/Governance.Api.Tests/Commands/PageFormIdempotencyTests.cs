using System.Net;
using System.Text.RegularExpressions;
using Governance.Api.Auth;
using Governance.Api.Tests.Commitments;
using Governance.Domain;
using static Governance.Api.Tests.Commands.Keyed;
using static Governance.Api.Tests.Commitments.PromiseWorld;

namespace Governance.Api.Tests.Commands;

/// <summary>
/// Issue 11 §2 on the pages: every post form carries a fresh Idempotency-Key in a hidden field, so the same form sent
/// twice (a double click, a browser that sends it again) records once. Plain HTTP with the cookie and the antiforgery
/// token, as a browser without JavaScript posts.
/// </summary>
public sealed partial class PageFormIdempotencyTests(PromiseWorldFixture fixture) : IClassFixture<PromiseWorldFixture>
{
    private PromiseWorld World => fixture.World;

    private string Base => World.Base;

    private AllianceId Osdorp => World.Osdorp;

    /// <summary>The form whose action names <paramref name="handler"/>: its action and its hidden fields.</summary>
    private static (string Action, Dictionary<string, string> Hidden) FormOf(string html, string handler)
    {
        var form = Assert.Single(Forms().Matches(html), m => WebUtility.HtmlDecode(m.Groups["action"].Value).EndsWith($"handler={handler}", StringComparison.Ordinal));
        var hidden = HiddenInputs().Matches(form.Groups["inner"].Value)
            .ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        return (WebUtility.HtmlDecode(form.Groups["action"].Value), hidden);
    }

    [Fact]
    public async Task The_progress_form_posted_twice_with_its_hidden_key_records_once_and_both_posts_get_the_same_answer()
    {
        await World.PromiseBenchesAsync((await World.TodayAsync()).PlusDays(30), "dubbelklik");
        var email = $"{Guid.NewGuid():N}@example.org";
        await World.Server.CreateAccountAsync(email, new RoleGrant(Osdorp, Role.Representative, PartnerId.Parse("stadsdeel-nieuw-west")));
        using var browser = await World.Server.CreateSignedInBrowserAsync(email);
        const string page = "/allianties/osdorp-de-punt/beloftes/dubbelklik";

        var (action, hidden) = FormOf(await browser.GetStringAsync(new Uri(page, UriKind.Relative)), "Voortgang");
        Assert.True(hidden.TryGetValue("__IdempotencyKey", out var key) && key.Length > 0, "The form has no hidden Idempotency-Key.");
        Assert.Contains("__RequestVerificationToken", hidden.Keys);
        var fields = new Dictionary<string, string>(hidden) { ["note"] = "De aannemer komt volgende week." };

        using var first = await browser.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(fields));
        using var second = await browser.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, await CountAsync(World.Server, "commitment-dubbelklik", "commitment.progress-reported"));
        // The page the second post leads to says what the first did, not "nothing changed".
        var after = await browser.GetStringAsync(second.Headers.Location);
        Assert.Contains("De voortgang is vastgelegd.", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Er is niets veranderd.", after, StringComparison.Ordinal);

        // The next form the page gives has a key of its own: a new report is a new command.
        var (_, next) = FormOf(after, "Voortgang");
        Assert.NotEqual(key, next["__IdempotencyKey"]);
    }

    [GeneratedRegex("""<form\b[^>]*\baction="(?<action>[^"]*)"[^>]*>(?<inner>.*?)</form>""", RegexOptions.Singleline)]
    private static partial Regex Forms();

    [GeneratedRegex("""<input\b(?=[^>]*\btype="hidden")(?=[^>]*\bname="(?<name>[^"]+)")(?=[^>]*\bvalue="(?<value>[^"]*)")[^>]*>""")]
    private static partial Regex HiddenInputs();
}
