using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Moodtunes.Core.Recommendation;

namespace Moodtunes.Testing;

/// <summary>
/// For tests that check what a list carries once its songs are looked up at a loopback stand-in: on a loaded
/// machine a cold first lookup can pass <see cref="TrackMediaEnricher.Deadline"/>, so the enricher gets a clock that
/// does not move and lists wait for their lookups. Tests of the deadline itself leave it in place.
/// </summary>
public static class TrackMediaDeadline
{
    public static IServiceCollection HoldStill(IServiceCollection services) =>
        services.Replace(ServiceDescriptor.Singleton(provider => new TrackMediaEnricher(
            provider.GetRequiredService<ITrackMediaCache>(),
            new FakeTimeProvider(DateTimeOffset.UtcNow),
            provider.GetService<ITrackMediaResolver>())));
}
