namespace BackpropPS.Core.Tests;

/// <summary>The error a call must end in, for tests that name only its ErrorId.</summary>
internal static class Errors
{
    /// <summary>Runs <paramref name="action"/> and returns the BackpropException it throws (failing if it throws none).</summary>
    public static BackpropException Fails(System.Action action) => Assert.Throws<BackpropException>(action);
}
