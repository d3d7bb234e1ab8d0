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
    # The teacher keeps a copy of the exercise file where students cannot write; the one beside the sheet may be edited.
    $script:teacher = Join-Path $TestDrive 'teacher.exercise.json'
    Copy-Item $sheet.ExercisePath $teacher
    # A few numbers of the step, by name, for the hand-made mistakes.
    $script:v = @{}
    foreach ($name in 'z_h1', 'a_h1', 'a_h2', 'a_o1', 'delta_o1', 'delta_o2', 'w2_11', 'w2_12', 'dE/dw1_11') { $v[$name] = Get-StepValue $step $name }
}

Describe 'Test-BackpropExercise' {
    It 'scores a sheet filled from Invoke-BackpropStep at 100 %, verified against the teacher''s exercise' {
        Set-Answer $sheet.Path $filled $step
        $rows = Test-BackpropExercise $filled -Exercise $teacher -WarningVariable warnings
        $rows.Count | Should -Be 32
        $rows | Should -BeOfType BackpropPS.Core.Teaching.ExerciseAnswer
        @($rows | Where-Object { -not $_.Correct }).Count | Should -Be 0
        @($rows | Where-Object { -not $_.Verified }).Count | Should -Be 0
        $grade = Test-BackpropExercise $filled -Exercise $teacher -Summary
        $grade.Score | Should -Be 100
        $grade.Correct | Should -Be 32
        $grade.Verified | Should -BeTrue
        $grade.Fingerprint | Should -Be $sheet.Fingerprint
        $grade.FirstRootCause | Should -BeNullOrEmpty
        $warnings | Should -BeNullOrEmpty
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
        $rows = Test-BackpropExercise $out -Exercise $teacher -ErrorVariable problems -ErrorAction SilentlyContinue
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
            (Test-BackpropExercise $out -Exercise $teacher -Summary).Score | Should -Be 100
        }
        finally { [cultureinfo]::CurrentCulture = $saved }
    }

    It 'grades a renamed copy with the exercise file in its folder (unverified), or with the exercise New-BackpropExercise returned' {
        $dir = New-Item -ItemType Directory (Join-Path $TestDrive 'renamed')
        $e = New-BackpropExercise -Seed 5 -Path (Join-Path $dir 'ws')
        $own = Import-BackpropNetwork $e.ExercisePath | Invoke-BackpropStep -Input $e.Exercise.Input -Target $e.Exercise.Target -LearningRate 0.5
        Set-Answer $e.Path (Join-Path $dir 'anna.csv') $own
        $beside = Test-BackpropExercise (Join-Path $dir 'anna.csv') -Summary -WarningAction SilentlyContinue
        $beside.Score | Should -Be 100
        $beside.Verified | Should -BeFalse
        $made = Test-BackpropExercise (Join-Path $dir 'anna.csv') -Exercise (New-BackpropExercise -Seed 5) -Summary
        $made.Score | Should -Be 100
        $made.Verified | Should -BeTrue
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
        $null = Test-BackpropExercise -LiteralPath $out -Exercise $sheet.ExercisePath -ErrorVariable problems -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -Be "$Id,BackpropPS.Commands.TestBackpropExerciseCommand"
    }

    It 'grades against the teacher''s exercise, not against an exercise file beside the sheet that a student edited' {
        # The finding: an all-zero sheet scored 0 %; with decimals 0 in the file beside it, most of it was right.
        $dir = New-Item -ItemType Directory (Join-Path $TestDrive 'edited')
        $e = New-BackpropExercise -Example StepByStep -Path (Join-Path $dir 'sheet')
        $zero = Join-Path $dir 'zero.csv'
        Import-Csv $e.Path | ForEach-Object { $_.Answer = '0'; $_ } | Export-Csv $zero
        (Test-BackpropExercise $zero -Exercise $teacher -Summary).Score | Should -Be 0
        (Get-Content -Raw $e.ExercisePath) -replace '"decimals": 4', '"decimals": 0' | Set-Content $e.ExercisePath
        # Beside the sheet, the edited file is another exercise than the sheet's: refused, naming both.
        $null = Test-BackpropExercise $zero -Summary -ErrorVariable problems -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -Be 'ExerciseMismatch,BackpropPS.Commands.TestBackpropExerciseCommand'
        $problems[0].Exception.Message | Should -BeLike "zero.csv was made for exercise $($e.Fingerprint) (its Fingerprint column), not for exercise sha256:* (StepByStep: 2-2-2, 32 quantities to 0 decimals, from sheet.exercise.json beside the sheet)*"
        # With -Exercise, the file beside the sheet plays no part.
        $grade = Test-BackpropExercise $zero -Exercise $teacher -Summary
        $grade.Score | Should -Be 0
        $grade.Verified | Should -BeTrue
    }

    It 'marks a grade made without -Exercise unverified, on the rows, the grade and their views, and warns once what to do' {
        $dir = New-Item -ItemType Directory (Join-Path $TestDrive 'unverified')
        $e = New-BackpropExercise -Example StepByStep -Path (Join-Path $dir 'sheet')
        Set-Answer $e.Path (Join-Path $dir 'a.csv') $step
        Set-Answer $e.Path (Join-Path $dir 'b.csv') $step
        $grades = Get-ChildItem $dir -Filter *.csv | Where-Object Name -ne sheet.csv | Test-BackpropExercise -Summary -WarningVariable warnings -WarningAction SilentlyContinue
        $grades.Score | Should -Be 100, 100
        $grades.Verified | Should -Be $false, $false
        $grades[0].Rows.Verified | Should -Not -Contain $true
        @($warnings).Count | Should -Be 1
        "$($warnings[0])" | Should -BeLike 'Grading against the exercise file beside each sheet (sheet.exercise.json for a.csv): a student could have edited it, so the grades are marked Verified = False.*grade with -Exercise*'
        ($grades | Out-String) | Should -Match 'Verified'
        ($grades[0].Rows | Out-String) | Should -Match 'Verified'
        ($grades | Format-Table | Out-String -Stream | Where-Object { $_ -like 'a.csv*' }) | Should -Match 'False\s*$'
    }

    It 'refuses a sheet of another exercise, naming both' {
        $dir = New-Item -ItemType Directory (Join-Path $TestDrive 'other')
        $six = New-BackpropExercise -Seed 6 -Path (Join-Path $dir 'six')
        $own = Import-BackpropNetwork $six.ExercisePath | Invoke-BackpropStep -Input $six.Exercise.Input -Target $six.Exercise.Target -LearningRate 0.5
        Set-Answer $six.Path (Join-Path $dir 'ben.csv') $own
        $rows = Test-BackpropExercise (Join-Path $dir 'ben.csv') -Exercise $teacher -ErrorVariable problems -ErrorAction SilentlyContinue
        $rows | Should -BeNullOrEmpty
        @($problems).Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -Be 'ExerciseMismatch,BackpropPS.Commands.TestBackpropExerciseCommand'
        $problems[0].CategoryInfo.Category | Should -Be InvalidData
        $problems[0].Exception.Message | Should -Be ("ben.csv was made for exercise $($six.Fingerprint) (its Fingerprint column), not for exercise $($sheet.Fingerprint) " +
            '(StepByStep: 2-2-2, 32 quantities to 4 decimals, given with -Exercise), the one it is graded against. Grade each sheet with the exercise it was made for.')
        # With the sheet's own exercise it is graded, and verified.
        (Test-BackpropExercise (Join-Path $dir 'ben.csv') -Exercise $six -Summary).Verified | Should -BeTrue
    }

    It 'refuses a sheet whose fingerprint was altered: <Case>' -ForEach @(
        @{ Case = 'on every row'; Change = { param($rows) $rows | ForEach-Object { $_.Fingerprint = 'sha256:0000000000000000' } }; Like = 'altered.csv was made for exercise sha256:0000000000000000 *' }
        @{ Case = 'on one row'; Change = { param($rows) $rows[3].Fingerprint = 'x' }; Like = 'altered.csv row 4 carries the fingerprint of exercise x, not of exercise sha256:*' }
    ) {
        $out = Join-Path $TestDrive 'altered.csv'
        Set-Answer $sheet.Path $out $step
        $rows = Import-Csv $out; & $Change $rows; $rows | Export-Csv $out -Force
        $null = Test-BackpropExercise $out -Exercise $teacher -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -Be 'ExerciseMismatch,BackpropPS.Commands.TestBackpropExerciseCommand'
        $problems[0].Exception.Message | Should -BeLike $Like
    }

    It 'grades a sheet whose fingerprint was <Case> against -Exercise, unverified, with a warning' -ForEach @(
        @{ Case = 'removed'; Change = { param($rows) $rows | Select-Object Quantity, Answer, Part, Layer, Hint } }
        @{ Case = 'emptied'; Change = { param($rows) $rows | ForEach-Object { $_.Fingerprint = ''; $_ } } }
    ) {
        $out = Join-Path $TestDrive "nofingerprint-$Case.csv"
        Set-Answer $sheet.Path $out $step
        & $Change (Import-Csv $out) | Export-Csv $out -Force
        $grade = Test-BackpropExercise $out -Exercise $teacher -Summary -WarningVariable warnings -WarningAction SilentlyContinue
        $grade.Score | Should -Be 100
        $grade.Verified | Should -BeFalse
        @($warnings).Count | Should -Be 1
        "$($warnings[0])" | Should -BeLike "nofingerprint-$Case.csv carries no exercise fingerprint*marked Verified = False. Copy the Fingerprint column from the sheet you handed out*"
    }

    It 'keeps the fingerprint through a spreadsheet''s way of saving: no quotes, CRLF, a BOM, rows sorted, a column dropped, blank rows' {
        $out = Join-Path $TestDrive 'spreadsheet.csv'
        Set-Answer $sheet.Path $out $step
        $lines = Import-Csv $out | Sort-Object Quantity | Select-Object * -ExcludeProperty Hint | ConvertTo-Csv -NoTypeInformation | ForEach-Object { $_ -replace '"', '' }
        [IO.File]::WriteAllText($out, [char]0xFEFF + (($lines + @(',,,,') * 3) -join "`r`n") + "`r`n")
        $grade = Test-BackpropExercise $out -Exercise $teacher -Summary -ErrorVariable problems
        $grade.Score | Should -Be 100
        $grade.Verified | Should -BeTrue
        $problems | Should -BeNullOrEmpty
    }

    It 'reports a cell that holds no finite number in the module''s wording: <Text>' -ForEach @(
        @{ Text = 'abc'; Id = 'NonNumericAnswer'; Says = "expected a number; got 'abc'." }
        @{ Text = '0x10'; Id = 'NonNumericAnswer'; Says = "expected a number; got '0x10'. Numbers are read with '.' as the decimal separator, without thousands separators." }
        @{ Text = '1,5'; Id = 'NonNumericAnswer'; Says = "expected a number; got '1,5'. Numbers are read with '.' as the decimal separator, without thousands separators." }
        @{ Text = 'NaN'; Id = 'NonFiniteAnswer'; Says = "expected a finite number; got 'NaN'." }
        @{ Text = 'Infinity'; Id = 'NonFiniteAnswer'; Says = "expected a finite number; got 'Infinity'." }
        @{ Text = '1e400'; Id = 'NonFiniteAnswer'; Says = "expected a finite number; got '1e400', beyond the largest number a double holds (about 1.8E+308)." }
    ) {
        $out = Join-Path $TestDrive 'cell.csv'
        Set-Answer $sheet.Path $out $step @{ z_h1 = $Text }
        $rows = Test-BackpropExercise $out -Exercise $teacher -ErrorVariable problems -ErrorAction SilentlyContinue
        $rows[0].Status | Should -Be NotANumber
        $rows[0].Message | Should -Be "z_h1: $Says"
        @($problems).Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -Be "$Id,BackpropPS.Commands.TestBackpropExerciseCommand"
        $problems[0].Exception.Message | Should -Be "cell.csv row 1 (z_h1): $Says The row is graded as not a number."
    }

    It 'refuses a sheet larger than a worksheet can be, once: <Case>' -ForEach @(
        @{ Case = 'bytes'; Line = '"zz","' + ('1' * 100) + '"'; Count = 11000; Says = 'huge.csv has more than 1048576 bytes, the most a worksheet is graded with*' }
        @{ Case = 'rows'; Line = 'q,1'; Count = 20000; Says = 'huge.csv has 20000 rows; a worksheet is graded up to 10000*' }
    ) {
        $out = Join-Path $TestDrive 'huge.csv'
        [IO.File]::WriteAllLines($out, [string[]] (@('Quantity,Answer') + @($Line) * $Count))
        $null = Test-BackpropExercise $out -Exercise $teacher -ErrorVariable problems -ErrorAction SilentlyContinue
        @($problems).Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -Be 'ExerciseSheetTooLarge,BackpropPS.Commands.TestBackpropExerciseCommand'
        $problems[0].Exception.Message | Should -BeLike $Says
    }

    It 'opens neither a sheet nor an exercise file that is a device: a link to /dev/zero' -Skip:($IsWindows -or -not (Test-Path /dev/zero)) {
        $link = Join-Path $TestDrive 'endless.csv'
        $null = New-Item -ItemType SymbolicLink -Path $link -Target /dev/zero
        $null = Test-BackpropExercise -LiteralPath $link -Exercise $teacher -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -Be 'NotARegularFile,BackpropPS.Commands.TestBackpropExerciseCommand'
        $problems[0].Exception.Message | Should -BeLike "*'$link' is a character device*"
        { Test-BackpropExercise -LiteralPath $filled -Exercise /dev/zero } | Should -Throw -ErrorId 'NotARegularFile,BackpropPS.Commands.TestBackpropExerciseCommand'
    }

    It 'refuses an exercise file no worksheet can be, given with -Exercise or found beside a sheet: <Case>' -ForEach @(
        @{ Case = 'a weight of 1e300'; Pattern = '\[0\.15,'; With = '[1e300,'; Id = 'ExerciseValueOutOfRange'; Says = '*The given w1_11 is 1E+300; a worksheet''s given numbers (weights, biases, inputs, targets) are at most 1000 in size*' }
        @{ Case = 'a target of 1e10'; Pattern = '(?<="target": \[\s*)0\.01'; With = '1e10'; Id = 'ExerciseValueOutOfRange'; Says = '*The given y1 is 10000000000*' }
        @{ Case = 'a learning rate of 1e300'; Pattern = '"learningRate": 0\.5'; With = '"learningRate": 1e300'; Id = 'ExerciseValueOutOfRange'; Says = '*The learning rate is 1E+300; a worksheet''s is at most 100.' }
        @{ Case = 'a learning rate of 0'; Pattern = '"learningRate": 0\.5'; With = '"learningRate": 0'; Id = 'InvalidLearningRate'; Says = '*The learning rate must be a positive finite number; got 0.' }
        @{ Case = '99 decimals'; Pattern = '"decimals": 4'; With = '"decimals": 99'; Id = 'ExerciseValueOutOfRange'; Says = '*expected exercise.decimals to be from 0 to 12; got 99.' }
        @{ Case = 'an input of 1e400'; Pattern = '(?<="input": \[\s*)0\.05'; With = '1e400'; Id = 'InvalidExerciseFile'; Says = '*expected exercise.input`[0`] to be a finite number (this one is too large for a double).' }
        @{ Case = 'a 2 MB file'; Pattern = '\}\s*$'; With = '}' + (' ' * 2MB); Id = 'ExerciseFileTooLarge'; Says = '*is larger than an exercise file can be (1048576 characters*' }
    ) {
        $dir = New-Item -ItemType Directory (Join-Path $TestDrive "absurd-$($Id)-$(Get-Random)")
        $e = New-BackpropExercise -Example StepByStep -Path (Join-Path $dir 'sheet')
        $text = Get-Content -Raw $e.ExercisePath
        $bad = [regex]::new($Pattern).Replace($text, $With, 1)
        $bad | Should -Not -Be $text
        [IO.File]::WriteAllText($e.ExercisePath, $bad)
        { Test-BackpropExercise $e.Path -Exercise $e.ExercisePath } | Should -Throw -ErrorId "$Id,BackpropPS.Commands.TestBackpropExerciseCommand"
        $null = Test-BackpropExercise $e.Path -ErrorVariable problems -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -Be "$Id,BackpropPS.Commands.TestBackpropExerciseCommand"
        $problems[0].CategoryInfo.Category | Should -Be InvalidData
        $problems[0].Exception.Message | Should -BeLike $Says
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
