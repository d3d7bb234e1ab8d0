# New-BackpropExercise: the worksheet, its diagram and its exercise file, written by the module's file rules, reproducible from a seed, and the parts asked.
BeforeAll {
    Import-Module BackpropPS -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:step = New-BackpropNetwork -Example StepByStep | Invoke-BackpropStep -Input 0.05, 0.10 -Target 0.01, 0.99 -LearningRate 0.5
    $script:folder = Join-Path $TestDrive 'class'
    New-Item -ItemType Directory $folder | Out-Null
    $script:sheet = New-BackpropExercise -Example StepByStep -Path (Join-Path $folder 'sheet')
}

Describe 'New-BackpropExercise' {
    It 'writes the sheet, its diagram and its exercise file from one base name, and says so' {
        $sheet | Should -BeOfType BackpropPS.ExerciseSheet
        $sheet.Path | Should -Be (Join-Path $folder 'sheet.csv')
        $sheet.DiagramPath | Should -Be (Join-Path $folder 'sheet.svg')
        $sheet.ExercisePath | Should -Be (Join-Path $folder 'sheet.exercise.json')
        $sheet.QuantityCount | Should -Be 32
        foreach ($path in $sheet.Path, $sheet.DiagramPath, $sheet.ExercisePath) { $path | Should -Exist }
    }

    It 'writes a CSV with a row per quantity, named as in the step trace, an empty Answer column and the exercise''s fingerprint on every row' {
        $rows = Import-Csv -LiteralPath $sheet.Path
        $rows[0].PSObject.Properties.Name | Should -Be Quantity, Answer, Part, Layer, Hint, Fingerprint
        $sheet.Fingerprint | Should -Match '^sha256:[0-9a-f]{16}$'
        $rows.Fingerprint | Sort-Object -Unique | Should -Be $sheet.Fingerprint
        ($sheet | Out-String) | Should -Match "Fingerprint\s*: $($sheet.Fingerprint)"
        $rows.Count | Should -Be 32
        @($rows | Where-Object Answer -ne '').Count | Should -Be 0
        $parameters = $step.Trace.Name
        ($rows | Where-Object Part -eq Update).Quantity | Should -Be $parameters
        ($rows | Where-Object Quantity -like 'dE/d*').Quantity | Sort-Object | Should -Be ($parameters | ForEach-Object { "dE/d$_" } | Sort-Object)
        ($rows | Where-Object Part -eq Forward).Quantity | Should -Be z_h1, z_h2, a_h1, a_h2, z_o1, z_o2, a_o1, a_o2
        ($rows | Where-Object Quantity -eq delta_h1).Hint | Should -Be 'delta_h1 = (w2_11*delta_o1 + w2_12*delta_o2) * a_h1(1 - a_h1)'
    }

    It 'draws the network with the given numbers and a blank for each z, a, delta and new parameter' {
        $svg = [xml](Get-Content -Raw -LiteralPath $sheet.DiagramPath)
        $texts = @($svg.SelectNodes("//*[local-name()='text']").'#text')
        @($texts | Where-Object { $_ -match '\?' }).Count | Should -Be (12 + 8 + 2)
        $texts | Should -Contain 'x = 0.05'
        $texts | Should -Contain 'y2 = 0.99'
        $texts | Should -Contain "w1_21 = 0.2 $([char]0x2192) ?"
        $texts | Should -Contain "b2 = 0.6 $([char]0x2192) ?"
        # The colours mean what they mean in every diagram: blue positive, orange negative.
        $texts | Should -Contain 'fill in each blank in the CSV (32 quantities to 4 decimals); blue: positive weight, orange: negative, thicker: larger'
    }

    It 'replaces files only with -Force, and writes nothing with -WhatIf' {
        $before = Get-Content -Raw -LiteralPath $sheet.Path
        { New-BackpropExercise -Seed 3 -Path (Join-Path $folder 'sheet') -ErrorAction Stop } |
            Should -Throw -ErrorId 'ExerciseFileExists,BackpropPS.Commands.NewBackpropExerciseCommand'
        Get-Content -Raw -LiteralPath $sheet.Path | Should -Be $before
        $other = Join-Path $TestDrive 'whatif'
        New-BackpropExercise -Seed 3 -Path $other -WhatIf | Should -BeNullOrEmpty
        Get-ChildItem $TestDrive -Filter 'whatif*' | Should -BeNullOrEmpty
        $replaced = New-BackpropExercise -Example StepByStep -Path (Join-Path $folder 'sheet') -Force
        Get-Content -Raw -LiteralPath $replaced.Path | Should -Be $before
    }

    It 'names the files exercise.* in a folder, and writes none without -Path' {
        $dir = New-Item -ItemType Directory (Join-Path $TestDrive 'folder')
        (New-BackpropExercise -Seed 1 -Path $dir.FullName).Path | Should -Be (Join-Path $dir.FullName 'exercise.csv')
        (Get-ChildItem $dir).Name | Sort-Object | Should -Be exercise.csv, exercise.exercise.json, exercise.svg
        $only = New-BackpropExercise -Seed 1
        $only.Path | Should -BeNullOrEmpty
        # 2-2-2 with a bias per neuron (New-BackpropNetwork's default): 8 forward, 16 backward, 12 updates.
        $only.QuantityCount | Should -Be 36
    }

    It 'makes the same sheet from the same seed and other numbers from another' {
        $a = New-BackpropExercise -Seed 42 -LayerSize 2, 3, 2 -Path (Join-Path $TestDrive 'a')
        $b = New-BackpropExercise -Seed 42 -LayerSize 2, 3, 2 -Path (Join-Path $TestDrive 'b')
        $c = New-BackpropExercise -Seed 43 -LayerSize 2, 3, 2 -Path (Join-Path $TestDrive 'c')
        foreach ($p in 'Path', 'DiagramPath', 'ExercisePath') {
            (Get-FileHash $a.$p).Hash | Should -Be (Get-FileHash $b.$p).Hash
        }
        (Get-FileHash $a.ExercisePath).Hash | Should -Not -Be (Get-FileHash $c.ExercisePath).Hash
        $netA = Import-BackpropNetwork $a.ExercisePath
        $netC = Import-BackpropNetwork $c.ExercisePath
        $netA.Layers[0].Weights | Should -Not -Be $netC.Layers[0].Weights
        $netA.Shape | Should -Be '2-3-2'
    }

    It 'asks only the chosen parts and layer' {
        $e = New-BackpropExercise -Example StepByStep -Part Backward -Layer 2 -Path (Join-Path $TestDrive 'part')
        (Import-Csv $e.Path).Quantity | Should -Be delta_o1, delta_o2, 'dE/dw2_11', 'dE/dw2_12', 'dE/dw2_21', 'dE/dw2_22', 'dE/db2'
        { New-BackpropExercise -Example StepByStep -Layer 3 -ErrorAction Stop } |
            Should -Throw -ErrorId 'LayerOutOfRange,BackpropPS.Commands.NewBackpropExerciseCommand'
        { New-BackpropExercise -Seed 1 -LayerSize 784, 10 -ErrorAction Stop } |
            Should -Throw -ErrorId 'ExerciseTooLarge,BackpropPS.Commands.NewBackpropExerciseCommand'
    }

    It 'gives each exercise its own fingerprint: the same settings the same, any other setting another' {
        $same = New-BackpropExercise -Example StepByStep
        $same.Fingerprint | Should -Be $sheet.Fingerprint
        $others = @(
            New-BackpropExercise -Example StepByStep -Decimals 0
            New-BackpropExercise -Example StepByStep -LearningRate 0.25
            New-BackpropExercise -Example StepByStep -Part Forward
            New-BackpropExercise -Seed 1
            New-BackpropExercise -Seed 2
        ).Fingerprint
        $others | Should -Not -Contain $sheet.Fingerprint
        @($others | Sort-Object -Unique).Count | Should -Be 5
    }

    It 'refuses a learning rate no worksheet has' {
        { New-BackpropExercise -Example StepByStep -LearningRate 1000 -ErrorAction Stop } |
            Should -Throw -ErrorId 'ExerciseValueOutOfRange,BackpropPS.Commands.NewBackpropExerciseCommand'
        { New-BackpropExercise -Example StepByStep -LearningRate 0 -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidLearningRate,BackpropPS.Commands.NewBackpropExerciseCommand'
    }
}
