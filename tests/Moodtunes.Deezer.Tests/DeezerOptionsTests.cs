using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Moodtunes.Deezer.Tests;

/// <summary>Every key of the "Deezer" section takes effect, and a bad one stops the start naming itself.</summary>
public sealed class DeezerOptionsTests
{
    [Fact]
    public void Unset_keys_keep_the_documented_defaults()
    {
        using var services = Build([]);

        var http = Client(services);
        Assert.Equal(DeezerOptions.DefaultBaseAddress, http.BaseAddress);
        Assert.Equal(TimeSpan.FromSeconds(3), http.Timeout);
        Assert.True(services.GetRequiredService<PreviewOrigins>().Allows(new Uri("https://cdnt-preview.dzcdn.net/a.mp3")));
    }

    [Fact]
    public void The_base_address_and_timeout_reach_the_http_client()
    {
        using var services = Build(new() { ["Deezer:BaseAddress"] = "http://127.0.0.1:5000/deezer", ["Deezer:Timeout"] = "00:00:01.5" });

        var http = Client(services);
        Assert.Equal(new Uri("http://127.0.0.1:5000/deezer/"), http.BaseAddress);
        Assert.Equal(TimeSpan.FromSeconds(1.5), http.Timeout);
    }

    [Fact]
    public void Configured_preview_origins_replace_the_default()
    {
        using var services = Build(new() { ["Deezer:PreviewOrigins:0"] = "http://127.0.0.1:5001" });

        var origins = services.GetRequiredService<PreviewOrigins>();
        Assert.True(origins.Allows(new Uri("http://127.0.0.1:5001/preview.mp3")));
        Assert.False(origins.Allows(new Uri("https://cdnt-preview.dzcdn.net/a.mp3")));
    }

    [Fact]
    public void The_budget_takes_its_size_and_window()
    {
        var clock = new FakeTimeProvider();
        using var services = Build(new() { ["Deezer:RequestBudget"] = "2", ["Deezer:BudgetWindow"] = "00:00:10" }, clock);
        var budget = services.GetRequiredService<ProviderBudget>();

        Assert.True(budget.TryTake() && budget.TryTake());
        Assert.False(budget.TryTake());
        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.False(budget.TryTake());
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(budget.TryTake());
    }

    [Fact]
    public void The_circuit_takes_its_failures_to_open_and_how_long_it_stays_open()
    {
        var clock = new FakeTimeProvider();
        using var services = Build(new() { ["Deezer:FailuresToOpen"] = "1", ["Deezer:OpenFor"] = "00:01:00" }, clock);
        var circuit = services.GetRequiredService<ProviderCircuit>();

        circuit.Failed();
        Assert.True(circuit.IsOpen);
        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.True(circuit.IsOpen);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(circuit.IsOpen);
    }

    [Theory]
    [InlineData("Deezer:BaseAddress", "not an address")]
    [InlineData("Deezer:BaseAddress", "ftp://example.com/")]
    [InlineData("Deezer:Timeout", "-00:00:01")]
    [InlineData("Deezer:RequestBudget", "0")]
    [InlineData("Deezer:BudgetWindow", "00:00:00")]
    [InlineData("Deezer:FailuresToOpen", "0")]
    [InlineData("Deezer:OpenFor", "00:00:00")]
    [InlineData("Deezer:PreviewOrigins:0", "file:///etc")]
    public void A_bad_value_fails_start_naming_its_key(string key, string value)
    {
        using var services = Build(new() { [key] = value });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());
        var option = string.Join(':', key.Split(':').Take(2));
        Assert.Contains(option, failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Deezer:Timeout", "three seconds")]
    [InlineData("Deezer:RequestBudget", "many")]
    public void A_value_of_the_wrong_type_fails_start_naming_its_key(string key, string value)
    {
        using var services = Build(new() { [key] = value });

        var failure = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains(key, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_enabled_flag_fails_naming_its_key()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => Build(new() { ["Deezer:Enabled"] = "maybe" }));

        Assert.Contains("Deezer:Enabled", failure.Message, StringComparison.Ordinal);
    }

    private static HttpClient Client(ServiceProvider services) =>
        services.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(DeezerClient));

    private static ServiceProvider Build(Dictionary<string, string?> settings, TimeProvider? clock = null) =>
        new ServiceCollection()
            .AddSingleton(clock ?? TimeProvider.System)
            .AddDeezerMedia(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();
}
