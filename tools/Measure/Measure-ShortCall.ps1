<#
.SYNOPSIS
    What a one-epoch Invoke-BackpropTraining call costs against a steady-state epoch of the same work.

.DESCRIPTION
    6,400 seeded random samples of 784 inputs with one-hot targets over 10 classes, 784-128-10 (ReLU, Softmax),
    cross-entropy, SGD 0.01, batches of 64, float64, given as -Input/-Target double[][] (as a user types it).
    Each round runs in a fresh process (the user who tries one epoch pays for everything a first call does) and
    prints, in milliseconds:
      first call   the wall time of the first one-epoch call in the process, and its epoch's Elapsed (the loop)
      next call    the same call made again in the same process (the work a first call does only once is gone)
      steady       a steady-state epoch: the median gap between epoch rows 11..20 of a 20-epoch call (by then the
                   runtime has stopped recompiling PowerShell's own code in the background, which in the first
                   epochs of a new process takes part of a core from the training)
    Importing the module starts compiling the engine on a background thread (about_BackpropPS, "A first call"). By
    default the data is made after Import-Module, as a user loads data after importing, which gives that warm-up
    about a second; with -Immediately the data is made first and the first call follows Import-Module and
    New-BackpropNetwork at once, the worst case for it.
    Not a test: times vary with the machine's load, which is printed with each round.
    Run after `dotnet pwsh ./build.ps1 Build`: dotnet pwsh ./tools/Measure/Measure-ShortCall.ps1 [-Rounds 5]
    [-Immediately] [-ModulePath <another build, e.g. a copy of main's out/BackpropPS>]
#>
param([int] $Rounds = 5, [string] $ModulePath = (Join-Path $PSScriptRoot '../../out/BackpropPS'), [switch] $Immediately)
$ErrorActionPreference = 'Stop'
$module = (Resolve-Path $ModulePath).Path
$child = @"
`$ErrorActionPreference = 'Stop'
`$ProgressPreference = 'SilentlyContinue'
$(if (-not $Immediately) { "Import-Module '$module'" })
Add-Type -TypeDefinition @'
public static class ShortCallData
{
    public static double[][] Inputs(int samples, int width, int seed)
    {
        var random = new System.Random(seed);
        var rows = new double[samples][];
        for (int s = 0; s < samples; s++) { rows[s] = new double[width]; for (int i = 0; i < width; i++) rows[s][i] = random.NextDouble(); }
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
`$x = [ShortCallData]::Inputs(6400, 784, 43)
`$y = [ShortCallData]::OneHot(6400, 10, 44)
$(if ($Immediately) { "Import-Module '$module'" })
`$net = New-BackpropNetwork -LayerSize 784, 128, 10 -Activation ReLU, Softmax -Seed 42
`$fixed = @{ Network = `$net; Input = `$x; Target = `$y; Loss = 'CrossEntropy'; Optimizer = 'Sgd'; LearningRate = 0.01; BatchSize = 64 }
`$clock = [Diagnostics.Stopwatch]::StartNew()
`$first = Invoke-BackpropTraining @fixed -Epochs 1
`$firstWall = `$clock.Elapsed.TotalMilliseconds
`$clock.Restart()
`$next = Invoke-BackpropTraining @fixed -Epochs 1
`$nextWall = `$clock.Elapsed.TotalMilliseconds
`$rows = Invoke-BackpropTraining @fixed -Epochs 20
`$gaps = foreach (`$e in 10..19) { (`$rows[`$e].Elapsed - `$rows[`$e - 1].Elapsed).TotalMilliseconds }
`$sorted = @(`$gaps | Sort-Object)
`$steady = (`$sorted[4] + `$sorted[5]) / 2
'{0:F1} {1:F1} {2:F1} {3:F1} {4:F1}' -f `$firstWall, `$first.Elapsed.TotalMilliseconds, `$nextWall, `$next.Elapsed.TotalMilliseconds, `$steady
"@
$encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($child))
$pwsh = [Environment]::ProcessPath
$prefix = [string[]] @(if ([IO.Path]::GetFileNameWithoutExtension($pwsh) -eq 'dotnet') { [Reflection.Assembly]::GetEntryAssembly().Location })
$rows = foreach ($round in 1..$Rounds) {
    $load = if (Test-Path /proc/loadavg) { (Get-Content /proc/loadavg).Split(' ')[0] } else { '?' }
    $line = & $pwsh @prefix -NoProfile -EncodedCommand $encoded
    if ($LASTEXITCODE -ne 0) { throw "Round $round failed: $line" }
    $v = "$line".Split(' ') | ForEach-Object { [double]::Parse($_, [cultureinfo]::InvariantCulture) }
    [pscustomobject]@{ Round = $round; Load = $load; FirstCallWall = $v[0]; FirstCallLoop = $v[1]; NextCallWall = $v[2]; NextCallLoop = $v[3]; SteadyEpoch = $v[4]
        FirstOverSteady = [math]::Round($v[0] / $v[4], 2); NextOverSteady = [math]::Round($v[2] / $v[4], 2) }
}
'Round  Load   first call: wall  loop   next call: wall  loop   steady epoch   first/steady  next/steady'
foreach ($r in $rows) {
    '{0,5}  {1,5}  {2,16:F1} {3,5:F1}  {4,15:F1} {5,5:F1}  {6,12:F1}  {7,12:F2}  {8,11:F2}' -f $r.Round, $r.Load, $r.FirstCallWall, $r.FirstCallLoop,
        $r.NextCallWall, $r.NextCallLoop, $r.SteadyEpoch, $r.FirstOverSteady, $r.NextOverSteady
}
foreach ($name in 'FirstCallWall', 'FirstCallLoop', 'NextCallWall', 'NextCallLoop', 'SteadyEpoch', 'FirstOverSteady', 'NextOverSteady') {
    $t = @($rows.$name | Sort-Object)
    '{0,-16} min {1,7:F1}  median {2,7:F1}  max {3,7:F1}' -f $name, $t[0], $t[[int][math]::Floor(($t.Count - 1) / 2)], $t[-1]
}
