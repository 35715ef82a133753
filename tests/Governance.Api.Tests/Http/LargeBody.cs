using System.Text;

namespace Governance.Api.Tests.Http;

/// <summary>Sending a body the server will refuse for its size (413), as a careful client does.</summary>
public static class LargeBody
{
    /// <summary>
    /// Posts <paramref name="json"/> with <c>Expect: 100-continue</c>: the server answers 413 from the Content-Length and
    /// closes the connection; a client still writing the body into it would fail with a broken pipe (now and then, in full
    /// runs) instead of reading the answer.
    /// </summary>
    public static Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string path, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.ExpectContinue = true;
        return client.SendAsync(request);
    }
}
