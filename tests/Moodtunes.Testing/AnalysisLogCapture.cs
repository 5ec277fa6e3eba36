using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Moodtunes.Api.Http;

namespace Moodtunes.Testing;

/// <summary>Every log line of a host, kept with the analysis id of the scope it was written in.</summary>
public sealed class AnalysisLogCapture : ILoggerProvider, ISupportExternalScope
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

    /// <summary>Adds this capture to a host's logging, every level included.</summary>
    public void AddTo(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureTestServices(services => services.AddLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Debug);
            logging.AddProvider(this);
        }));
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(AnalysisLogCapture owner) : ILogger
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
                    if (scope is IEnumerable<KeyValuePair<string, object>> values
                        && values.FirstOrDefault(v => v.Key == AnalysisLogScope.Key).Value is string found)
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
