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
            Assert.True(string.CompareOrdinal(bound, AnalysisIds.New(Time)) <= 0);
            Assert.True(string.CompareOrdinal(bound, AnalysisIds.New(Time.AddMilliseconds(1))) < 0);
            Assert.True(string.CompareOrdinal(AnalysisIds.New(Time.AddMilliseconds(-1)), bound) < 0);
        }
    }
}
