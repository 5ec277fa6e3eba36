using Moodtunes.Api;
using Moodtunes.Core.Emotions;
using Moodtunes.Testing;

namespace RecommendFunction.Tests;

/// <summary>Every line logged while a request about one analysis is handled carries its id (a JSON field on Lambda).</summary>
public sealed class AnalysisLogScopeTests(LogCapturingFactory<Program> factory) : IClassFixture<LogCapturingFactory<Program>>
{
    [Fact]
    public async Task Lines_logged_for_an_analysis_request_carry_its_id()
    {
        using var device = new TestDevice(factory);
        var done = await device.SeedDoneAsync(Emotion.Happy);

        await device.GetJsonAsync(ApiPaths.Analysis(done.Id));

        // From routing on (routing itself finds the id): ASP.NET Core's "Executing/Executed endpoint" lines and the handler's.
        var endpointLines = factory.Lines
            .Where(l => l.Message.StartsWith("Execut", StringComparison.Ordinal) && l.Message.Contains(ApiRoutes.AnalysisById, StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(endpointLines);
        Assert.All(endpointLines, l => Assert.Equal(done.Id.Value, l.AnalysisId));
    }
}
