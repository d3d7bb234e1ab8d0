<#
.SYNOPSIS
    The seed step as three piped cmdlets, against three no-op binary cmdlets piped the same way.

.DESCRIPTION
    Measures, in one run and interleaved round by round (the order alternates, so that a slow moment of the
    machine falls on both):
      cmdlets  $net | Invoke-BackpropForward -Input 0.05, 0.10 | Get-BackpropGradient -Target 0.01, 0.99 | Update-BackpropNetwork -LearningRate 0.5
      no-op    $net | Write-Output -NoEnumerate | Write-Output -NoEnumerate | Write-Output -NoEnumerate
    Both are three binary cmdlets in one pipeline, each binding the piped object and one argument, so the
    ratio is what BackpropPS adds to PowerShell's own cost of a three-cmdlet pipeline (the goal is 1.25x or
    less). Prints the median time per pipeline of each, the ratio of the medians, the median of the
    rounds' own ratios, and the ratio of the fastest rounds (the least disturbed on a shared machine).
    -Breakdown also measures each cmdlet alone against one Write-Output, and the arguments' part (a list
    against a ready Matrix). Speed is measured here, never asserted.
    Run after `dotnet pwsh ./build.ps1 Build`: dotnet pwsh tests/BackpropPS.Benchmarks/Cmdlets/SeedStepPipeline.ps1
#>
param(
    # Pipelines per round, and rounds per variant.
    [int] $Iterations = 500,
    [int] $Rounds = 31,
    # Also time each cmdlet on its own.
    [switch] $Breakdown,
    # The module to measure: the build in out/ by default.
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../../out/BackpropPS')
)

$ErrorActionPreference = 'Stop'
Import-Module $ModulePath -Force

$net = New-BackpropNetwork -Example StepByStep
$fwd = $net | Invoke-BackpropForward -Input 0.05, 0.10
$grad = $fwd | Get-BackpropGradient -Target 0.01, 0.99
$sample = [BackpropPS.Core.Matrix]::FromRow([double[]](0.05, 0.10))
# The cmdlets must do the seed step, or the comparison means nothing.
if ([math]::Round($grad.Loss, 12) -ne 0.298371108760) { throw "The seed step's loss is $($grad.Loss), not 0.298371108760." }

# Each variant is a loop of the same shape, so that the loop itself costs the same in all of them.
function New-Loop([scriptblock] $Body) { [scriptblock]::Create("param(`$net, `$fwd, `$grad, `$sample, `$count) for (`$i = 0; `$i -lt `$count; `$i++) { `$null = $Body }") }
$pairs = [ordered]@{
    'three-cmdlet pipeline' = (New-Loop { $net | Invoke-BackpropForward -Input 0.05, 0.10 | Get-BackpropGradient -Target 0.01, 0.99 | Update-BackpropNetwork -LearningRate 0.5 }),
                              (New-Loop { $net | Write-Output -NoEnumerate | Write-Output -NoEnumerate | Write-Output -NoEnumerate })
}
if ($Breakdown) {
    $noop = New-Loop { $net | Write-Output -NoEnumerate }
    $pairs['Invoke-BackpropForward -Input 0.05, 0.10'] = (New-Loop { $net | Invoke-BackpropForward -Input 0.05, 0.10 }), $noop
    $pairs['Invoke-BackpropForward -Input <Matrix>'] = (New-Loop { $net | Invoke-BackpropForward -Input $sample }), $noop
    $pairs['Get-BackpropGradient -Target 0.01, 0.99'] = (New-Loop { $fwd | Get-BackpropGradient -Target 0.01, 0.99 }), $noop
    $pairs['Update-BackpropNetwork -LearningRate 0.5'] = (New-Loop { $grad | Update-BackpropNetwork -LearningRate 0.5 }), $noop
}

function Get-Median([double[]] $Values) { $sorted = $Values.Clone(); [array]::Sort($sorted); $sorted[[int][math]::Floor($sorted.Length / 2)] }

foreach ($name in $pairs.Keys) {
    $measured, $baseline = $pairs[$name]
    # Warm-up: JIT, command discovery, binding caches.
    $null = & $measured $net $fwd $grad $sample 200; $null = & $baseline $net $fwd $grad $sample 200
    $a = [double[]]::new($Rounds); $b = [double[]]::new($Rounds); $ratios = [double[]]::new($Rounds)
    for ($round = 0; $round -lt $Rounds; $round++) {
        $order = if ($round % 2) { 'b', 'a' } else { 'a', 'b' }
        foreach ($which in $order) {
            $loop = if ($which -eq 'a') { $measured } else { $baseline }
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            & $loop $net $fwd $grad $sample $Iterations
            $us = $clock.Elapsed.TotalMilliseconds * 1000 / $Iterations
            if ($which -eq 'a') { $a[$round] = $us } else { $b[$round] = $us }
        }
        $ratios[$round] = $a[$round] / $b[$round]
    }
    $ma = Get-Median $a; $mb = Get-Median $b
    $label = if ($name -eq 'three-cmdlet pipeline') { 'no-op pipeline (3 x Write-Output -NoEnumerate)' } else { 'one Write-Output -NoEnumerate' }
    ''
    $name
    '  BackpropPS: {0,8:F1} us    {1}: {2,8:F1} us    (medians of {3} rounds of {4})' -f $ma, $label, $mb, $Rounds, $Iterations
    '  ratio of the medians {0:F2}x, median of the rounds'' ratios {1:F2}x, difference {2:F1} us' -f ($ma / $mb), (Get-Median $ratios), ($ma - $mb)
    # On a shared machine the fastest rounds are the ones least disturbed by other work.
    '  fastest rounds: {0:F1} us against {1:F1} us, {2:F2}x' -f ($a | Measure-Object -Minimum).Minimum, ($b | Measure-Object -Minimum).Minimum, (($a | Measure-Object -Minimum).Minimum / ($b | Measure-Object -Minimum).Minimum)
}
''
'Goal for the three-cmdlet pipeline: 1.25x or less.'
