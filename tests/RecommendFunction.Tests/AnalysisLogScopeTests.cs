using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Moodtunes.Api.Http;
using Moodtunes.Testing;

namespace RecommendFunction.Tests;

/// <summary>Every line logged while a request about one analysis is handled carries its id (a JSON field on Lambda).</summary>
public sealed class AnalysisLogScopeTests
{
    [Fact]
    public async Task Lines_logged_for_an_analysis_request_carry_its_id()
    {
        await using var factory = new CapturingFactory();
        using var device = new TestDevice(factory);
        var done = await device.SeedDoneAsync(Moodtunes.Core.Emotions.Emotion.Happy);

        await device.GetJsonAsync($"/api/analyses/{done.Id}");

        // From routing on (routing itself finds the id): ASP.NET Core's "Executing/Executed endpoint" lines and the handler's.
        var endpointLines = factory.Captured.Lines
            .Where(l => l.Message.StartsWith("Execut", StringComparison.Ordinal) && l.Message.Contains("/api/analyses/{id}", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(endpointLines);
        Assert.All(endpointLines, l => Assert.Equal(done.Id, l.AnalysisId));
    }

    private sealed class CapturingFactory : EmbeddedStorageFactory<Program>
    {
        public CapturedLines Captured { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddLogging(logging =>
            {
                logging.SetMinimumLevel(LogLevel.Debug);
                logging.AddProvider(Captured);
            }));
        }
    }

    private sealed class CapturedLines : ILoggerProvider, ISupportExternalScope
    {
        private readonly List<(string Message, string? AnalysisId)> lines = [];
        private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

        public IReadOnlyList<(string Message, string? AnalysisId)> Lines
        {
            get
            {
                lock (lines)
                {
                    return [.. lines];
                }
            }
        }

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Logger(CapturedLines owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => owner.scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                string? id = null;
                owner.scopes.ForEachScope(
                    (scope, _) =>
                    {
                        if (scope is IEnumerable<KeyValuePair<string, object>> values && values.FirstOrDefault(v => v.Key == AnalysisLogScope.Key).Value is string found)
                        {
                            id = found;
                        }
                    },
                    (object?)null);
                lock (owner.lines)
                {
                    owner.lines.Add((formatter(state, exception), id));
                }
            }
        }
    }
}
