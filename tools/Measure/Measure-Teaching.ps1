# Measures the teaching tools on the seed network and on Iris (not a test: timings vary). Median of -Repeat runs.
# Run after `dotnet pwsh ./build.ps1 Build`: dotnet pwsh ./tools/Measure/Measure-Teaching.ps1
param([int] $Repeat = 7)
$env:PSModulePath = (Join-Path $PSScriptRoot '../../out') + [IO.Path]::PathSeparator + $env:PSModulePath
Import-Module BackpropPS
$median = { param([scriptblock] $work) $null = & $work; $times = 1..$Repeat | ForEach-Object { (Measure-Command $work).TotalMilliseconds }; ($times | Sort-Object)[[int][math]::Floor($Repeat / 2)] }
$dir = Join-Path ([IO.Path]::GetTempPath()) "backprop-measure-$PID"
$null = New-Item -ItemType Directory $dir
try {
    # A worksheet filled from the module's own step (every cell right), graded.
    foreach ($case in @{ Name = 'seed 2-2-2'; Make = @{ Example = 'StepByStep' } },
                      @{ Name = 'Iris-shaped 4-5-3'; Make = @{ Seed = 1; LayerSize = 4, 5, 3; Activation = 'Tanh', 'Softmax'; Loss = 'CrossEntropy' } }) {
        $make = $case.Make
        $base = Join-Path $dir ($case.Name -replace '\W', '')
        $sheet = New-BackpropExercise @make -Path $base -Force
        $expected = @{}; Test-BackpropExercise -LiteralPath "$base.csv" -Exercise $sheet | ForEach-Object { $expected[$_.Quantity] = $_.Expected.ToString('R', [cultureinfo]::InvariantCulture) }
        Import-Csv "$base.csv" | ForEach-Object { $_.Answer = $expected[$_.Quantity]; $_ } | Export-Csv "$base-filled.csv"
        $new = & $median { $null = New-BackpropExercise @make -Path $base -Force }
        $grade = & $median { $null = Test-BackpropExercise -LiteralPath "$base-filled.csv" -Exercise $sheet -Summary }
        $score = (Test-BackpropExercise -LiteralPath "$base-filled.csv" -Exercise $sheet -Summary).Score
        'Worksheet, {0}: {1} quantities; New-BackpropExercise {2:N1} ms; grading a filled sheet {3:N1} ms (score {4})' -f $case.Name, $sheet.QuantityCount, $new, $grade, $score
    }

    # A 200 x 200 decision boundary: the seed network, and a 2-8-1 network trained on Circle.
    $circle = Get-BackpropDataset Circle -Count 200 -Noise 0.05 -Seed 1
    $trained = ($circle | Invoke-BackpropTraining -Network (New-BackpropNetwork 2, 8, 1 -Activation Tanh, Sigmoid -Seed 1) -TargetColumn label -Optimizer Adam -LearningRate 0.03 -Epochs 100 -Standardize -Seed 1)[-1].Network
    $seed = New-BackpropNetwork -Example StepByStep
    foreach ($case in @{ Name = 'seed 2-2-2'; Network = $seed; Range = @{ XRange = 0, 1; YRange = 0, 1 } }, @{ Name = 'Circle 2-8-1'; Network = $trained; Range = @{ Data = $circle } }) {
        $range = $case.Range
        $svg = & $median { $null = $case.Network | Export-BackpropDecisionBoundary -Path (Join-Path $dir 'b.svg') -Resolution 200 @range -Force }
        $rows = & $median { $null = Get-BackpropDecisionBoundary -Network $case.Network -Resolution 200 @range }
        'Decision boundary, {0}, 200 x 200: the SVG {1:N1} ms; the 40,000 rows {2:N0} ms' -f $case.Name, $svg, $rows
    }

    # A 300-step learning-rate range test.
    $iris = Get-BackpropDataset Iris
    $irisNet = New-BackpropNetwork -LayerSize 4, 8, 3 -Activation Tanh, Softmax -Seed 7
    $seedTest = & $median { $null = Find-BackpropLearningRate -Network $seed -Input (, (0.05, 0.10)) -Target (, (0.01, 0.99)) -Steps 300 }
    $irisTest = & $median { $null = $iris | Find-BackpropLearningRate -Network $irisNet -TargetColumn species -Standardize -Shuffle -Seed 7 -BatchSize 16 -Steps 300 }
    'Learning-rate range test, 300 steps: seed network {0:N1} ms; Iris records, batches of 16 {1:N1} ms' -f $seedTest, $irisTest
} finally {
    Remove-Item -Recurse -Force $dir
}
