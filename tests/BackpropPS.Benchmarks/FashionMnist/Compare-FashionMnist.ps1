<#
.SYNOPSIS
    The Fashion-MNIST recipe in BackpropPS and in PyTorch, float64 and float32 each, alternately in one sitting, with the ratios.

.DESCRIPTION
    Runs docs/examples/FashionMnist.ps1 (through the built module in out/) with -Precision Double and -Precision Single, and
    fashion_mnist_torch.py (Debian's /usr/bin/python3, 2 threads) with --dtype float64 and float32, -Rounds times each, one
    of each in turn so that all four see the same machine, and prints one row per run, the minimum, median and maximum
    training seconds of each engine, the load average before and after, and the ratios of the medians (PyTorch over
    BackpropPS, precision for precision). Needs apt-get install -y dataset-fashion-mnist python3-torch libopenblas0-pthread.
#>
param([int] $Rounds = 3, [int] $Epochs = 12)
$ErrorActionPreference = 'Stop'
$root = Resolve-Path (Join-Path $PSScriptRoot '../../..')
$example = Join-Path $root 'docs/examples/FashionMnist.ps1'
$torch = Join-Path $PSScriptRoot 'fashion_mnist_torch.py'

function Read-Result([string[]] $Lines, [string] $Engine, [double] $Wall) {
    # The three lines both scripts print: epochs, training seconds, test accuracy.
    $values = @{}
    foreach ($line in $Lines) { if ($line -match '^(?<k>[a-z ]+): (?<v>[0-9.]+)$') { $values[$Matches.k] = [double]::Parse($Matches.v, [cultureinfo]::InvariantCulture) } }
    [pscustomobject]@{ Engine = $Engine; Epochs = [int] $values['epochs']; TrainingSeconds = $values['training seconds']; TestAccuracy = $values['test accuracy'].ToString('F4', [cultureinfo]::InvariantCulture); WallSeconds = [math]::Round($Wall, 1) }
}

$engines = [ordered]@{
    'BackpropPS float64' = { & dotnet pwsh -NoProfile -File $example -Epochs $Epochs -Precision Double }
    'BackpropPS float32' = { & dotnet pwsh -NoProfile -File $example -Epochs $Epochs -Precision Single }
    'PyTorch float64'    = { & /usr/bin/python3 $torch --epochs $Epochs --dtype float64 2>$null }
    'PyTorch float32'    = { & /usr/bin/python3 $torch --epochs $Epochs --dtype float32 2>$null }
}
$env:PSModulePath = (Join-Path $root 'out') + [IO.Path]::PathSeparator + $env:PSModulePath
$loadBefore = if (Test-Path /proc/loadavg) { (Get-Content /proc/loadavg) } else { 'unknown' }
$rows = foreach ($round in 1..$Rounds) {
    foreach ($engine in $engines.Keys) {
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $lines = & $engines[$engine]
        Read-Result $lines $engine $clock.Elapsed.TotalSeconds
    }
}
$loadAfter = if (Test-Path /proc/loadavg) { (Get-Content /proc/loadavg) } else { 'unknown' }
$rows | Format-Table -AutoSize | Out-Host
$stats = foreach ($engine in $engines.Keys) {
    $t = @($rows | Where-Object Engine -eq $engine | Sort-Object TrainingSeconds).TrainingSeconds
    [pscustomobject]@{ Engine = $engine; Min = $t[0]; Median = $t[[int][math]::Floor(($t.Count - 1) / 2)]; Max = $t[-1] }
}
$stats | Format-Table -AutoSize | Out-Host
$median = @{}; foreach ($s in $stats) { $median[$s.Engine] = $s.Median }
"Load average (1, 5, 15 min) before: $loadBefore; after: $loadAfter"
'PyTorch float64 / BackpropPS float64 training time (medians): {0:F2}' -f ($median['PyTorch float64'] / $median['BackpropPS float64'])
'PyTorch float32 / BackpropPS float32 training time (medians): {0:F2}' -f ($median['PyTorch float32'] / $median['BackpropPS float32'])
'BackpropPS float64 / BackpropPS float32 training time (medians): {0:F2}' -f ($median['BackpropPS float64'] / $median['BackpropPS float32'])
