# Test-BackpropExercise: worksheets filled as a student fills them (Import-Csv, a value per row, Export-Csv) and graded; right answers from Invoke-BackpropStep's objects, wrong ones computed by hand here.
BeforeAll {
    Import-Module BackpropPS -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:inv = [cultureinfo]::InvariantCulture
    $script:step = New-BackpropNetwork -Example StepByStep | Invoke-BackpropStep -Input 0.05, 0.10 -Target 0.01, 0.99 -LearningRate 0.5

    # The value of a quantity of the sheet, read from a step: z_h1 from Forward.Z, delta_o2 from
    # Gradient.Delta, dE/dw1_21 from the trace's Gradient, w1_21 from the trace's New.
    function script:Get-StepValue($Step, [string] $Name) {
        $layers = $Step.Before.Layers.Count
        if ($Name -match '^(?<kind>z|a|delta)_(?<side>[ho])(?<first>\d+)(_(?<second>\d+))?$') {
            $layer = if ($Matches.side -eq 'o') { $layers } elseif ($Matches.second) { [int]$Matches.first } else { 1 }
            $neuron = if ($Matches.second) { [int]$Matches.second } else { [int]$Matches.first }
            $matrix = switch ($Matches.kind) { 'z' { $Step.Forward.Z[$layer - 1] } 'a' { $Step.Forward.A[$layer - 1] } 'delta' { $Step.Gradient.Delta[$layer - 1] } }
            # One sample: row 0 of the matrix is its data, so the flat index is the neuron's.
            return $matrix[$neuron - 1]
        }
        if ($Name -like 'dE/d*') { return ($Step.Trace | Where-Object Name -eq $Name.Substring(4)).Gradient }
        ($Step.Trace | Where-Object Name -eq $Name).New
    }

    # Fills a worksheet as a student would: every answer from the step, rounded to the sheet's decimals,
    # with some answers replaced (a hashtable of quantity = value or text).
    function script:Set-Answer([string] $Sheet, [string] $Filled, $Step, [hashtable] $Change = @{}, [int] $Decimals = 4) {
        $rows = Import-Csv -LiteralPath $Sheet
        foreach ($row in $rows) {
            $row.Answer = if ($Change.ContainsKey($row.Quantity)) { $Change[$row.Quantity] }
            else { [math]::Round((Get-StepValue $Step $row.Quantity), $Decimals).ToString($inv) }
            if ($row.Answer -is [double]) { $row.Answer = ([math]::Round($row.Answer, $Decimals)).ToString($inv) }
        }
        $rows | Export-Csv -LiteralPath $Filled
    }

    $script:folder = Join-Path $TestDrive 'class'
    New-Item -ItemType Directory $folder | Out-Null
    $script:sheet = New-BackpropExercise -Example StepByStep -Path (Join-Path $folder 'sheet')
    $script:filled = Join-Path $folder 'sheet.csv'
    # A few numbers of the step, by name, for the hand-made mistakes.
    $script:v = @{}
    foreach ($name in 'z_h1', 'a_h1', 'a_h2', 'a_o1', 'delta_o1', 'delta_o2', 'w2_11', 'w2_12', 'dE/dw1_11') { $v[$name] = Get-StepValue $step $name }
}

Describe 'Test-BackpropExercise' {
    It 'scores a sheet filled from Invoke-BackpropStep at 100 %' {
        Set-Answer $sheet.Path $filled $step
        $rows = Test-BackpropExercise $filled
        $rows.Count | Should -Be 32
        $rows | Should -BeOfType BackpropPS.Core.Teaching.ExerciseAnswer
        @($rows | Where-Object { -not $_.Correct }).Count | Should -Be 0
        $grade = Test-BackpropExercise $filled -Summary
        $grade.Score | Should -Be 100
        $grade.Correct | Should -Be 32
        $grade.FirstRootCause | Should -BeNullOrEmpty
    }

    It 'scores a sheet drawn from a seed, filled from a step of the network in its exercise file, at 100 %' {
        $e = New-BackpropExercise -Seed 9 -LayerSize 3, 2, 2 -Activation Tanh, Sigmoid -BiasMode Shared -Decimals 6 -Path (Join-Path $TestDrive 'seed9')
        $json = Get-Content -Raw $e.ExercisePath | ConvertFrom-Json
        $own = Import-BackpropNetwork $e.ExercisePath |
            Invoke-BackpropStep -Input $json.exercise.input -Target $json.exercise.target -LearningRate $json.exercise.learningRate
        $out = Join-Path $TestDrive 'seed9-filled.csv'
        Set-Answer $e.Path $out $own -Decimals 6
        (Test-BackpropExercise $out -Exercise $e.ExercisePath -Summary).Score | Should -Be 100
        # Rounded to fewer decimals than asked, the same answers are not all right.
        Set-Answer $e.Path $out $own -Decimals 3
        (Test-BackpropExercise $out -Exercise $e.ExercisePath -Summary).Score | Should -BeLessThan 100
    }

    It 'names the mistake <Mistake> injected by hand into <Quantity>' -ForEach @(
        @{ Quantity = 'delta_o1'; Mistake = 'ActivationAsDerivative'; Wrong = { ($v.a_o1 - 0.01) * $v.a_o1 } }
        @{ Quantity = 'delta_o1'; Mistake = 'ForgotActivationDerivative'; Wrong = { $v.a_o1 - 0.01 } }
        @{ Quantity = 'delta_h1'; Mistake = 'NewWeightInDownstreamSum'; Wrong = { ($v.w2_11 * $v.delta_o1 + $v.w2_12 * $v.delta_o2) * $v.a_h1 * (1 - $v.a_h1) } }
        @{ Quantity = 'dE/db2'; Mistake = 'DroppedBiasSumTerm'; Wrong = { $v.delta_o1 } }
        @{ Quantity = 'w1_11'; Mistake = 'SignFlipped'; Wrong = { 0.15 + 0.5 * $v.'dE/dw1_11' } }
        @{ Quantity = 'dE/dw2_11'; Mistake = 'ZInsteadOfA'; Wrong = { $v.delta_o1 * $v.z_h1 } }
    ) {
        $out = Join-Path $TestDrive "mistake-$Mistake.csv"
        Set-Answer $sheet.Path $out $step @{ $Quantity = [double](& $Wrong) }
        $rows = Test-BackpropExercise $out -Exercise $sheet.ExercisePath
        $row = $rows | Where-Object Quantity -eq $Quantity
        $row.Correct | Should -BeFalse
        $row.Status | Should -Be Wrong
        $row.Mistake | Should -Be $Mistake
        $row.RootCause | Should -Be $Quantity
        @($rows | Where-Object Correct).Count | Should -Be 31
    }

    It 'finds the root cause of an error carried into later answers' {
        # delta_o1 with a instead of a(1 - a); then delta_h1, dE/dw2_11, dE/db2 and w2_11 computed the right way from it.
        $d = ($v.a_o1 - 0.01) * $v.a_o1
        $deltaH1 = (0.40 * $d + 0.50 * $v.delta_o2) * $v.a_h1 * (1 - $v.a_h1)
        $gradient = $d * $v.a_h1
        $out = Join-Path $TestDrive 'cascade.csv'
        Set-Answer $sheet.Path $out $step @{ delta_o1 = $d; delta_h1 = $deltaH1; 'dE/dw2_11' = $gradient
            'dE/db2' = $d + $v.delta_o2; w2_11 = 0.40 - 0.5 * [math]::Round($gradient, 4) }
        $grade = Test-BackpropExercise $out -Exercise $sheet.ExercisePath -Summary
        $grade.FirstRootCause | Should -Be delta_o1
        $grade.Correct | Should -Be 27
        $first = $grade.Rows | Where-Object Quantity -eq delta_o1
        $first.Mistake | Should -Be ActivationAsDerivative
        foreach ($name in 'delta_h1', 'dE/dw2_11', 'dE/db2', 'w2_11') {
            $row = $grade.Rows | Where-Object Quantity -eq $name
            $row.Mistake | Should -Be FromWrongEarlierAnswer -Because $name
            $row.RootCause | Should -Be delta_o1 -Because $name
        }
        ($grade.Rows | Where-Object Quantity -eq delta_h1).Message | Should -Be 'delta_h1 is wrong because delta_o1 is; fix that first.'
        $grade.Advice | Should -BeLike 'Start with delta_o1: *; 4 later answers follow from it.'
    }

    It 'reports a non-numeric, an empty and a missing answer on their rows, with the rest graded' {
        $out = Join-Path $folder 'holes.csv'
        Set-Answer $sheet.Path $out $step @{ a_h1 = 'abc'; a_h2 = '0,5931'; z_o1 = '' }
        (Import-Csv $out) | Where-Object Quantity -ne b2 | Export-Csv $out -Force
        $rows = Test-BackpropExercise $out -ErrorVariable problems -ErrorAction SilentlyContinue
        $rows.Count | Should -Be 32
        ($rows | Where-Object Quantity -eq a_h1).Status | Should -Be NotANumber
        ($rows | Where-Object Quantity -eq a_h2).Status | Should -Be NotANumber
        ($rows | Where-Object Quantity -eq z_o1).Status | Should -Be Missing
        ($rows | Where-Object Quantity -eq b2).Status | Should -Be Missing
        @($rows | Where-Object Correct).Count | Should -Be 28
        @($problems.FullyQualifiedErrorId) | Should -Be (@('NonNumericAnswer,BackpropPS.Commands.TestBackpropExerciseCommand') * 2)
        $problems[1].Exception.Message | Should -BeLike "*(a_h2): expected a number; got '0,5931'. Numbers are read with '.' as the decimal separator*"
        $problems[0].CategoryInfo.Category | Should -Be InvalidData
    }

    It 'reads answers in the invariant culture whatever the session culture' {
        $out = Join-Path $folder 'culture.csv'
        Set-Answer $sheet.Path $out $step
        $saved = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = 'de-DE'
            (Test-BackpropExercise $out -Summary).Score | Should -Be 100
        }
        finally { [cultureinfo]::CurrentCulture = $saved }
    }

    It 'grades a renamed copy with the exercise file in its folder, or with the exercise New-BackpropExercise returned' {
        $dir = New-Item -ItemType Directory (Join-Path $TestDrive 'renamed')
        $e = New-BackpropExercise -Seed 5 -Path (Join-Path $dir 'ws')
        $own = Import-BackpropNetwork $e.ExercisePath | Invoke-BackpropStep -Input $e.Exercise.Input -Target $e.Exercise.Target -LearningRate 0.5
        Set-Answer $e.Path (Join-Path $dir 'anna.csv') $own
        (Test-BackpropExercise (Join-Path $dir 'anna.csv') -Summary).Score | Should -Be 100
        (Test-BackpropExercise (Join-Path $dir 'anna.csv') -Exercise (New-BackpropExercise -Seed 5) -Summary).Score | Should -Be 100
        # Another seed's exercise: the same answers are mostly wrong.
        (Test-BackpropExercise (Join-Path $dir 'anna.csv') -Exercise (New-BackpropExercise -Seed 6) -Summary).Score | Should -BeLessThan 50
    }

    It 'grades every sheet piped from Get-ChildItem, one grade each' {
        $dir = New-Item -ItemType Directory (Join-Path $TestDrive 'students')
        Set-Answer $sheet.Path (Join-Path $dir 'a.csv') $step
        Set-Answer $sheet.Path (Join-Path $dir 'b.csv') $step @{ delta_o1 = ($v.a_o1 - 0.01) }
        $grades = Get-ChildItem $dir -Filter *.csv | Test-BackpropExercise -Exercise $sheet.ExercisePath -Summary
        $grades.Sheet | Should -Be a.csv, b.csv
        $grades.Score | Should -Be 100, (31 / 32 * 100)
        $grades[1].FirstRootCause | Should -Be delta_o1
    }

    It 'reports what it cannot grade with stable ErrorIds: <Id>' -ForEach @(
        @{ Id = 'UnknownQuantity'; Make = { param($p) Import-Csv $sheet.Path | Select-Object @{ n = 'Quantity'; e = { 'z_h9' } }, Answer | Export-Csv $p } }
        @{ Id = 'MissingColumn'; Make = { param($p) Import-Csv $sheet.Path | Select-Object Quantity | Export-Csv $p } }
        @{ Id = 'ExerciseSheetNotFound'; Make = { param($p) } }
    ) {
        $dir = New-Item -ItemType Directory (Join-Path $TestDrive "bad-$Id") -Force
        $out = Join-Path $dir 'x.csv'
        & $Make $out
        $null = Test-BackpropExercise -LiteralPath $out -Exercise $sheet.ExercisePath -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -Be "$Id,BackpropPS.Commands.TestBackpropExerciseCommand"
    }

    It 'asks for -Exercise when no exercise file is beside the sheet' {
        $dir = New-Item -ItemType Directory (Join-Path $TestDrive 'lonely')
        Copy-Item $sheet.Path (Join-Path $dir 'x.csv')
        $null = Test-BackpropExercise (Join-Path $dir 'x.csv') -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -Be 'ExerciseNotFound,BackpropPS.Commands.TestBackpropExerciseCommand'
        { Test-BackpropExercise (Join-Path $dir 'x.csv') -Exercise 42 } |
            Should -Throw -ErrorId 'UnsupportedExercise,BackpropPS.Commands.TestBackpropExerciseCommand'
        { Test-BackpropExercise (Join-Path $dir 'x.csv') -Exercise (Join-Path $dir 'x.csv') } |
            Should -Throw -ErrorId 'InvalidExerciseFile,BackpropPS.Commands.TestBackpropExerciseCommand'
    }
}
