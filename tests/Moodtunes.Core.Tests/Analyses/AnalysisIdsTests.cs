using Moodtunes.Core.Analyses;

namespace Moodtunes.Core.Tests.Analyses;

public sealed class AnalysisIdsTests
{
    private static readonly DateTimeOffset Time = new(2026, 12, 5, 10, 0, 0, 123, TimeSpan.Zero);

    [Fact]
    public void The_lower_bound_of_a_time_sorts_below_every_id_made_then_or_later_and_above_every_id_made_before()
    {
        var bound = AnalysisIds.LowerBound(Time);

        Assert.True(AnalysisIds.IsValid(bound));
        for (var i = 0; i < 100; i++)
        {
            Assert.True(string.CompareOrdinal(bound, AnalysisIds.New(Time).Value) <= 0);
            Assert.True(string.CompareOrdinal(bound, AnalysisIds.New(Time.AddMilliseconds(1)).Value) < 0);
            Assert.True(string.CompareOrdinal(AnalysisIds.New(Time.AddMilliseconds(-1)).Value, bound) < 0);
        }
    }

    [Fact]
    public void A_new_id_parses_back_to_itself_and_prints_as_its_value()
    {
        var id = AnalysisIds.New(Time);

        Assert.True(AnalysisIds.TryParse(id.Value, out var parsed));
        Assert.Equal(id, parsed);
        Assert.Equal(id.Value, id.ToString());
        Assert.Equal($"/{id.Value}", $"/{id}");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-an-id")]
    [InlineData("01ARZ3NDEKTSV4RRFFQ69G5FA")]
    [InlineData("01jd0000000000000000000000")]
    [InlineData("81JD0000000000000000000000")]
    public void A_malformed_id_does_not_parse(string? value) => Assert.False(AnalysisIds.TryParse(value, out _));
}
