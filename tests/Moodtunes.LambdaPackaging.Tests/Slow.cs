using Moodtunes.Testing;

// Every test here publishes the three Lambda packages (once) or runs them as processes.
[assembly: Slow]
