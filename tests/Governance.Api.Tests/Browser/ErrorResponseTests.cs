using System.Net;

namespace Governance.Api.Tests.Browser;

/// <summary>Pages get Dutch HTML error pages; the API keeps answering in RFC 9457 ProblemDetails.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ErrorResponseTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_unknown_API_path_answers_404_with_ProblemDetails_not_the_HTML_page()
    {
        using var client = browser.Server.CreateClient();
        using var response = await client.GetAsync(new Uri("/api/v1/bestaat-niet", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":404", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_API_request_answers_500_with_ProblemDetails_and_no_stack_trace()
    {
        using var client = browser.Server.CreateClient();
        using var response = await client.GetAsync(new Uri(BrowserFixture.ThrowingApiPath, UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Deliberate failure", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_error_page_opened_directly_answers_with_its_own_status()
    {
        using var client = browser.Server.CreateClient();
        using var response = await client.GetAsync(new Uri("/fout/404", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Deze pagina bestaat niet", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
