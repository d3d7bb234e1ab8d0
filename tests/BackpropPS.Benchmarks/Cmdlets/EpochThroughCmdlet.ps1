<#
.SYNOPSIS
    One MNIST-sized training epoch through Invoke-BackpropTraining, against the same epoch through the core.

.DESCRIPTION
    6,400 seeded random samples of 784 inputs with one-hot targets over 10 classes, a 784-128-10 network
    (ReLU, Softmax), cross-entropy, plain SGD, batches of 64, one epoch:
      cmdlet  Invoke-BackpropTraining -Input $x -Target $y, with $x and $y as double[][]
      core    [BackpropPS.Core.Training.Trainer]::Train(...) on a Dataset built once from the same arrays
    The cmdlet's time includes reading the arrays; that is the point. Runs alternate, cmdlet then core, and
    the medians are compared (the goal is a ratio of 1.3x or less). Speed is measured here, never asserted.
    Run after `dotnet pwsh ./build.ps1 Build`: dotnet pwsh tests/BackpropPS.Benchmarks/Cmdlets/EpochThroughCmdlet.ps1
#>
param(
    # Epochs measured per variant (plus one warm-up each).
    [int] $Runs = 5,
    [int] $Samples = 6400,
    # The module to measure: the build in out/ by default.
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../../out/BackpropPS')
)

$ErrorActionPreference = 'Stop'
Import-Module $ModulePath -Force

# Filling 5 million doubles in a PowerShell loop would take longer than the epochs; a few lines of C# do it
# (System.Random with a seed gives the same numbers on every run).
Add-Type -TypeDefinition @'
public static class EpochBenchmarkData
{
    public static double[][] Inputs(int samples, int width, int seed)
    {
        var random = new System.Random(seed);
        var rows = new double[samples][];
        for (int s = 0; s < samples; s++)
        {
            rows[s] = new double[width];
            for (int i = 0; i < width; i++) rows[s][i] = random.NextDouble();
        }
        return rows;
    }

    public static double[][] OneHot(int samples, int classes, int seed)
    {
        var random = new System.Random(seed);
        var rows = new double[samples][];
        for (int s = 0; s < samples; s++) { rows[s] = new double[classes]; rows[s][random.Next(classes)] = 1.0; }
        return rows;
    }
}
'@

$x = [EpochBenchmarkData]::Inputs($Samples, 784, 43)
$y = [EpochBenchmarkData]::OneHot($Samples, 10, 44)
$net = New-BackpropNetwork -LayerSize 784, 128, 10 -Activation ReLU, Softmax -Seed 42

# The core's side: the same data as one Dataset, built once outside the clock.
$data = [BackpropPS.Core.Training.Dataset]::new([BackpropPS.Core.Matrix]::FromRows($x), [BackpropPS.Core.Matrix]::FromRows($y))
$options = [BackpropPS.Core.Training.TrainingOptions]@{
    Epochs = 1; BatchSize = 64; Loss = 'CrossEntropy'
    Optimizer = [BackpropPS.Core.Training.OptimizerSettings]@{ Kind = 'Sgd'; LearningRate = 0.01 }
}

function Invoke-Cmdlet {
    Invoke-BackpropTraining -Network $net -Input $x -Target $y -Loss CrossEntropy -Optimizer Sgd -LearningRate 0.01 -Epochs 1 -BatchSize 64
}

function Invoke-Core {
    # Train is lazy: the epoch runs when foreach asks for it.
    foreach ($epoch in [BackpropPS.Core.Training.Trainer]::Train($net, $data, $null, $options, [System.Threading.CancellationToken]::None)) { $epoch }
}

# Warm-up, and the check that both do the same epoch: the same loss to the last bit.
$viaCmdlet = Invoke-Cmdlet
$viaCore = Invoke-Core
if ($viaCmdlet.Loss -ne $viaCore.Loss) { throw "The cmdlet's loss $($viaCmdlet.Loss) differs from the core's $($viaCore.Loss)." }

$times = @{ cmdlet = [System.Collections.Generic.List[double]]::new(); core = [System.Collections.Generic.List[double]]::new() }
for ($run = 0; $run -lt $Runs; $run++) {
    [GC]::Collect()
    $clock = [System.Diagnostics.Stopwatch]::StartNew()
    $null = Invoke-Cmdlet
    $times.cmdlet.Add($clock.Elapsed.TotalMilliseconds)
    [GC]::Collect()
    $clock.Restart()
    $null = Invoke-Core
    $times.core.Add($clock.Elapsed.TotalMilliseconds)
}

function Get-Median([System.Collections.Generic.List[double]] $Values) {
    $sorted = $Values.ToArray(); [array]::Sort($sorted)
    $sorted[[int][math]::Floor($sorted.Length / 2)]
}

$cmdlet = Get-Median $times.cmdlet
$core = Get-Median $times.core
'Epoch of {0} samples, 784-128-10, batch 64 (median of {1} runs each)' -f $Samples, $Runs
'  Invoke-BackpropTraining -Input/-Target double[][]: {0,8:F0} ms' -f $cmdlet
'  Trainer.Train on a Dataset (core, from PowerShell): {0,8:F0} ms' -f $core
'Ratio cmdlet / core: {0:F2}x (goal: 1.3x or less)' -f ($cmdlet / $core)
# On a shared machine the fastest runs are the ones least disturbed by other work.
$fastest = ($times.cmdlet | Measure-Object -Minimum).Minimum, ($times.core | Measure-Object -Minimum).Minimum
'Fastest runs: {0:F0} ms against {1:F0} ms, {2:F2}x' -f $fastest[0], $fastest[1], ($fastest[0] / $fastest[1])
