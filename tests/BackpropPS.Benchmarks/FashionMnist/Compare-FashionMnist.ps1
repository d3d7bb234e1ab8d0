<#
.SYNOPSIS
    The Fashion-MNIST recipe in BackpropPS and in PyTorch float64, alternately in one sitting, with the ratio.

.DESCRIPTION
    Runs docs/examples/FashionMnist.ps1 (through the built module in out/) and fashion_mnist_torch.py
    (Debian's /usr/bin/python3) -Rounds times each, alternating so that both see the same machine, and
    prints one row per run and the ratio of the median training seconds. Needs
    apt-get install -y dataset-fashion-mnist python3-torch libopenblas0-pthread.
#>
param([int] $Rounds = 2, [int] $Epochs = 12)
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

$env:PSModulePath = (Join-Path $root 'out') + [IO.Path]::PathSeparator + $env:PSModulePath
$rows = foreach ($round in 1..$Rounds) {
    $clock = [Diagnostics.Stopwatch]::StartNew()
    $lines = & dotnet pwsh -NoProfile -File $example -Epochs $Epochs
    Read-Result $lines 'BackpropPS' $clock.Elapsed.TotalSeconds
    $clock.Restart()
    $lines = & /usr/bin/python3 $torch --epochs $Epochs 2>$null
    Read-Result $lines 'PyTorch float64' $clock.Elapsed.TotalSeconds
}
$rows | Format-Table -AutoSize | Out-Host
$median = { param($e) $t = @($rows | Where-Object Engine -eq $e | Sort-Object TrainingSeconds).TrainingSeconds; $t[[int][math]::Floor(($t.Count - 1) / 2)] }
'PyTorch / BackpropPS training time (medians): {0:F2}' -f ((& $median 'PyTorch float64') / (& $median 'BackpropPS'))
