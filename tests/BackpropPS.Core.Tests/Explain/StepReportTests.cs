namespace BackpropPS.Core.Tests.Explain;

/// <summary>A step printed as the seed walk-through prints it.</summary>
public class StepReportTests
{
    // The seed walk-through's printout, verbatim.
    private const string SeedReport =
        "=== Forward ===\n" +
        "yhat1=0.751365069552, yhat2=0.772928465321\n" +
        "Total loss E=0.298371108760\n" +
        "\n" +
        "=== Backward (key deltas) ===\n" +
        "delta_o1=0.138498561629, delta_o2=-0.038098236517\n" +
        "delta_h1=0.008771354689, delta_h2=0.009954254705\n" +
        "\n" +
        "=== Updated params ===\n" +
        "w1_11: 0.150000000000 -> 0.149780716133\n" +
        "w1_12: 0.250000000000 -> 0.249751143632\n" +
        "w1_21: 0.200000000000 -> 0.199561432266\n" +
        "w1_22: 0.300000000000 -> 0.299502287265\n" +
        "b1: 0.350000000000 -> 0.340637195303\n" +
        "w2_11: 0.400000000000 -> 0.358916479718\n" +
        "w2_12: 0.500000000000 -> 0.511301270239\n" +
        "w2_21: 0.450000000000 -> 0.408666186076\n" +
        "w2_22: 0.550000000000 -> 0.561370121108\n" +
        "b2: 0.600000000000 -> 0.549799837444\n";

    [Fact]
    public void TheReportIsTheSeedsPrintout() => Assert.Equal(SeedReport, SeedWalkThrough.Step().Report);
}
