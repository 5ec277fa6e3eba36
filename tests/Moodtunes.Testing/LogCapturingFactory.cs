using Microsoft.AspNetCore.Hosting;

namespace Moodtunes.Testing;

/// <summary>A host on embedded storage whose every log line is kept with the analysis id of the scope it was written in.</summary>
public sealed class LogCapturingFactory<TEntryPoint> : EmbeddedStorageFactory<TEntryPoint>
    where TEntryPoint : class
{
    private readonly AnalysisLogCapture captured = new();

    public IReadOnlyList<(string Message, string? AnalysisId)> Lines => captured.Lines;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        captured.AddTo(builder);
    }
}
