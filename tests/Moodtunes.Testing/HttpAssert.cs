using System.Net;
using System.Text.Json;
using Moodtunes.Api.Http;
using Moodtunes.Core;

namespace Moodtunes.Testing;

/// <summary>Checks of HTTP answers against docs/api.md: JSON bodies and RFC 7807 problems with a <c>code</c>.</summary>
public static class HttpAssert
{
    /// <summary>Asserts the status and returns the parsed JSON body (cloned, so the response can be disposed).</summary>
    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.Clone();
    }

    /// <summary>Asserts a problem document with the status and the machine-readable code the page acts on.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, ProblemCode code)
    {
        var problem = await JsonAsync(response, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code.ToWire(), problem.GetProperty("code").GetString());
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }
}
