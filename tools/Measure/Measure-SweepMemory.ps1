# Peak working set of a sweep against the same rows from plain training, and the time to the first row of a huge grid
# (not a test: memory and time vary). Each case runs in a fresh process, so each peak is its own.
# Run after `dotnet pwsh ./build.ps1 Build`: dotnet pwsh ./tools/Measure/Measure-SweepMemory.ps1 [-Runs 120] [-Epochs 50]
param([int] $Runs = 120, [int] $Epochs = 50)
$module = Join-Path $PSScriptRoot '../../out/BackpropPS'
$setup = @"
Import-Module '$module'
`$iris = Get-BackpropDataset Iris
`$net = New-BackpropNetwork 4, 8, 3 -Activation Tanh, Softmax -Seed 3
`$fixed = @{ TargetColumn = 'species'; Optimizer = 'Adam'; LearningRate = 0.01; Epochs = $Epochs; BatchSize = 16; Standardize = `$true }
"@
$cases = [ordered]@{
    'plain training, run after run' = "1..$Runs | ForEach-Object { `$iris | Invoke-BackpropTraining -Network `$net @fixed -Seed `$_ } | Measure-Object | ForEach-Object Count"
    'one sweep'                     = "`$iris | Invoke-BackpropSweep -Network `$net -Grid @{ Seed = 1..$Runs } -Parameters `$fixed | Measure-Object | ForEach-Object Count"
    'first row of 10,000,000 runs'  = "`$iris | Invoke-BackpropSweep -Network `$net -Grid ([ordered]@{ Seed = 1..10000; Patience = 0..999 }) -Parameters `$fixed | Select-Object -First 1 | ForEach-Object Epoch"
}
$pwsh = [Environment]::ProcessPath
$prefix = [string[]] @(if ([IO.Path]::GetFileNameWithoutExtension($pwsh) -eq 'dotnet') { [Reflection.Assembly]::GetEntryAssembly().Location })
foreach ($case in $cases.GetEnumerator()) {
    $script = $setup + "`n`$clock = [Diagnostics.Stopwatch]::StartNew()`n`$rows = " + $case.Value +
        "`n'{0} rows|{1:F1} s|{2:F0} MB' -f `$rows, `$clock.Elapsed.TotalSeconds, ([Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64 / 1MB)"
    $result = & $pwsh @prefix -NoProfile -NonInteractive -Command $script
    $rows, $seconds, $peak = ($result | Select-Object -Last 1) -split '\|'
    [pscustomobject]@{ Case = $case.Key; Output = $rows; Time = $seconds; PeakWorkingSet = $peak }
}
