# Peak working set of a sweep against the same rows from plain training, and the time to the first row of a huge grid
# (not a test: memory and time vary). Each case runs in a fresh process, so each peak is its own.
# Run after `dotnet pwsh ./build.ps1 Build`: dotnet pwsh ./tools/Measure/Measure-SweepMemory.ps1 [-Runs 120] [-Epochs 50]
# [-ModulePath <another build, e.g. an older commit's out/BackpropPS>] [-SkipHugeGrid] [-Digits]
# Each row carries its epoch's network: with -Digits (a 64-128-10 network, 9,610 parameters) a row weighs some 80 KB,
# so a sweep that kept its rows would show it; the default (Iris, 4-8-3) is the README's network.
param([int] $Runs = 120, [int] $Epochs = 50, [string] $ModulePath = (Join-Path $PSScriptRoot '../../out/BackpropPS'), [switch] $SkipHugeGrid, [switch] $Digits)
$module = (Resolve-Path $ModulePath).Path
$setup = @"
Import-Module '$module'
`$iris = Get-BackpropDataset Iris
`$net = New-BackpropNetwork 4, 8, 3 -Activation Tanh, Softmax -Seed 3
`$fixed = @{ TargetColumn = 'species'; Optimizer = 'Adam'; LearningRate = 0.01; Epochs = $Epochs; BatchSize = 16; Standardize = `$true }
"@
if ($Digits) {
    $setup = @"
Import-Module '$module'
`$iris = Get-BackpropDataset Digits -Split Train -Seed 1
`$net = New-BackpropNetwork 64, 128, 10 -Activation ReLU, Softmax -Seed 3
`$fixed = @{ Optimizer = 'Adam'; LearningRate = 0.01; Epochs = $Epochs; BatchSize = 64 }
"@
}
$cases = [ordered]@{
    'plain training, run after run' = "1..$Runs | ForEach-Object { `$iris | Invoke-BackpropTraining -Network `$net @fixed -Seed `$_ } | Measure-Object | ForEach-Object Count"
    'one sweep'                     = "`$iris | Invoke-BackpropSweep -Network `$net -Grid @{ Seed = 1..$Runs } -Parameters `$fixed | Measure-Object | ForEach-Object Count"
    'first row of 10,000,000 runs'  = "`$iris | Invoke-BackpropSweep -Network `$net -Grid ([ordered]@{ Seed = 1..10000; Patience = 0..999 }) -Parameters `$fixed | Select-Object -First 1 | ForEach-Object Epoch"
}
if ($SkipHugeGrid) { $cases.Remove('first row of 10,000,000 runs') }
$pwsh = [Environment]::ProcessPath
$prefix = [string[]] @(if ([IO.Path]::GetFileNameWithoutExtension($pwsh) -eq 'dotnet') { [Reflection.Assembly]::GetEntryAssembly().Location })
foreach ($case in $cases.GetEnumerator()) {
    $script = $setup + "`n`$clock = [Diagnostics.Stopwatch]::StartNew()`n`$rows = " + $case.Value +
        "`n'{0} rows|{1:F1} s|{2:F0} MB' -f `$rows, `$clock.Elapsed.TotalSeconds, ([Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64 / 1MB)"
    $result = & $pwsh @prefix -NoProfile -NonInteractive -Command $script
    $rows, $seconds, $peak = ($result | Select-Object -Last 1) -split '\|'
    [pscustomobject]@{ Case = $case.Key; Output = $rows; Time = $seconds; PeakWorkingSet = $peak }
}
