# Measures the speed-up of a 4-run sweep over the same 4 runs one after another (not a test: timings vary).
# Run after `dotnet pwsh ./build.ps1 Build`: dotnet pwsh ./tools/Measure/Measure-Sweep.ps1
$env:PSModulePath = (Join-Path $PSScriptRoot '../../out') + [IO.Path]::PathSeparator + $env:PSModulePath
Import-Module BackpropPS
$digits = Get-BackpropDataset Digits
$net = New-BackpropNetwork 64, 32, 10 -Activation Tanh, Softmax -Seed 1
$fixed = @{ Dataset = $digits; Optimizer = 'Adam'; LearningRate = 0.01; Epochs = 800; BatchSize = 32; Standardize = $true; ThreadCount = 1 }
$seeds = 1, 2, 3, 4
$null = Invoke-BackpropTraining -Network $net @fixed -Epochs 1 -Seed 1 # warm-up (JIT)
$serial = Measure-Command { foreach ($seed in $seeds) { $null = Invoke-BackpropTraining -Network $net @fixed -Seed $seed } }
$sweep = Measure-Command { $null = Invoke-BackpropSweep -Network $net -Grid @{ Seed = $seeds } -Parameters $fixed }
'{0} processors; 4 runs one after another: {1:F2} s; as one sweep: {2:F2} s; speed-up {3:F2}x' -f
    [Environment]::ProcessorCount, $serial.TotalSeconds, $sweep.TotalSeconds, ($serial.TotalSeconds / $sweep.TotalSeconds)
