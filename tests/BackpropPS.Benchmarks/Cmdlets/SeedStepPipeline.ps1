<#
.SYNOPSIS
    The seed step as three piped cmdlets, against three no-op binary cmdlets piped the same way.

.DESCRIPTION
    Measures, in one run and interleaved round by round:
      cmdlets  $net | Invoke-BackpropForward -Input 0.05, 0.10 | Get-BackpropGradient -Target 0.01, 0.99 | Update-BackpropNetwork -LearningRate 0.5
      no-op    $net | Write-Output -NoEnumerate | Write-Output -NoEnumerate | Write-Output -NoEnumerate
    Both are three binary cmdlets in one pipeline, each binding the piped object and one argument, so the
    ratio is what BackpropPS adds to PowerShell's own cost of a three-cmdlet pipeline (the goal is 1.25x or
    less). Prints the median time per pipeline of each and the ratio. Speed is measured here, never asserted.
    Run after `dotnet pwsh ./build.ps1 Build`: dotnet pwsh tests/BackpropPS.Benchmarks/Cmdlets/SeedStepPipeline.ps1
#>
param(
    # Pipelines per round and rounds per variant.
    [int] $Iterations = 2000,
    [int] $Rounds = 9
)

$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot '../../../out/BackpropPS') -Force

$net = New-BackpropNetwork -Example StepByStep
# The two loops are script blocks of the same shape, so the loop itself costs the same in both.
$variants = [ordered]@{
    cmdlets = { param($n, $count) for ($i = 0; $i -lt $count; $i++) { $null = $n | Invoke-BackpropForward -Input 0.05, 0.10 | Get-BackpropGradient -Target 0.01, 0.99 | Update-BackpropNetwork -LearningRate 0.5 } }
    'no-op' = { param($n, $count) for ($i = 0; $i -lt $count; $i++) { $null = $n | Write-Output -NoEnumerate | Write-Output -NoEnumerate | Write-Output -NoEnumerate } }
}

# The cmdlets must do the seed step, or the comparison means nothing.
$loss = ($net | Invoke-BackpropForward -Input 0.05, 0.10 | Get-BackpropGradient -Target 0.01, 0.99).Loss
if ([math]::Round($loss, 12) -ne 0.298371108760) { throw "The seed step's loss is $loss, not 0.298371108760." }

# Warm-up: JIT, command discovery, binding caches.
foreach ($variant in $variants.Values) { & $variant $net 200 }

$times = @{}
foreach ($name in $variants.Keys) { $times[$name] = [System.Collections.Generic.List[double]]::new() }
for ($round = 0; $round -lt $Rounds; $round++) {
    foreach ($name in $variants.Keys) {
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        & $variants[$name] $net $Iterations
        $times[$name].Add($clock.Elapsed.TotalMilliseconds * 1000 / $Iterations)
    }
}

function Get-Median([System.Collections.Generic.List[double]] $Values) {
    $sorted = $Values.ToArray(); [array]::Sort($sorted)
    $sorted[[int][math]::Floor($sorted.Length / 2)]
}

$cmdlets = Get-Median $times['cmdlets']
$noop = Get-Median $times['no-op']
'Seed step through three cmdlets: {0,8:F1} us per pipeline (median of {1} rounds of {2})' -f $cmdlets, $Rounds, $Iterations
'Three no-op cmdlets (Write-Output): {0,8:F1} us per pipeline' -f $noop
'Ratio cmdlets / no-op: {0:F2}x (goal: 1.25x or less)' -f ($cmdlets / $noop)
