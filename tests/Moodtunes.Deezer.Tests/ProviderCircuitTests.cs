using Microsoft.Extensions.Time.Testing;

namespace Moodtunes.Deezer.Tests;

public sealed class ProviderCircuitTests
{
    private static readonly TimeSpan OpenFor = TimeSpan.FromSeconds(30);

    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public void The_circuit_opens_on_the_given_number_of_failures_in_a_row()
    {
        var circuit = new ProviderCircuit(3, OpenFor, _clock);

        circuit.Failed();
        circuit.Failed();
        Assert.False(circuit.IsOpen);

        circuit.Failed();
        Assert.True(circuit.IsOpen);
    }

    [Fact]
    public void A_success_between_failures_starts_the_count_again()
    {
        var circuit = new ProviderCircuit(3, OpenFor, _clock);

        circuit.Failed();
        circuit.Failed();
        circuit.Succeeded();
        circuit.Failed();
        circuit.Failed();

        Assert.False(circuit.IsOpen);
    }

    [Fact]
    public void An_open_circuit_closes_after_its_open_time_and_opens_again_only_after_as_many_failures()
    {
        var circuit = new ProviderCircuit(2, OpenFor, _clock);
        circuit.Failed();
        circuit.Failed();

        _clock.Advance(OpenFor - TimeSpan.FromTicks(1));
        Assert.True(circuit.IsOpen);
        _clock.Advance(TimeSpan.FromTicks(1));
        Assert.False(circuit.IsOpen);

        circuit.Failed();
        Assert.False(circuit.IsOpen);
        circuit.Failed();
        Assert.True(circuit.IsOpen);
    }
}
