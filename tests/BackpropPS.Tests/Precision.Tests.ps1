# -Precision Single|Double across the cmdlets that train or predict in bulk: float32 runs say so in their rows, keep
# their data sets as floats, agree with float64 within float32's rounding, travel through Clixml and jobs, and refuse
# what float32 cannot hold; Double stays the default, the same as without the parameter.
BeforeAll {
    Import-Module BackpropPS -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
}

Describe '-Precision' {
    BeforeAll {
        $script:digits = Get-BackpropDataset Digits -Split Train -Precision Single
        $script:test = Get-BackpropDataset Digits -Split Test -Precision Single
        $script:net = New-BackpropNetwork -LayerSize 64, 24, 10 -Activation Tanh, Softmax -Seed 3
        $common = @{ Network = $net; Optimizer = 'Adam'; LearningRate = 0.01; Epochs = 3; BatchSize = 32; Shuffle = $true; Seed = 2; ValidationFraction = 0.2 }
        $script:single = $digits | Invoke-BackpropTraining @common -Precision Single
        $script:double = $digits | Invoke-BackpropTraining @common
        $script:explicitDouble = $digits | Invoke-BackpropTraining @common -Precision Double
    }

    It 'is on every command that trains or predicts in bulk, with Double by default' {
        foreach ($name in 'Invoke-BackpropTraining', 'Find-BackpropLearningRate', 'Invoke-BackpropPrediction', 'Measure-BackpropAccuracy', 'Get-BackpropDataset') {
            $parameter = (Get-Command $name).Parameters['Precision']
            $parameter.ParameterType.FullName | Should -Be 'BackpropPS.Core.Precision' -Because $name
        }
        $double[-1].Precision | Should -Be 'Double'
        $explicitDouble[-1].Loss | Should -Be $double[-1].Loss
        (Get-BackpropDataset Digits).Precision | Should -Be 'Double'
    }

    It 'trains in float32: rows say Single, every weight is a float, the losses are the float64 ones within float32 rounding' {
        $single | ForEach-Object { $_.Precision | Should -Be 'Single' }
        foreach ($w in $single[-1].Network.Layers[0].Weights) { $w | Should -Be ([double][float]$w) }
        for ($k = 0; $k -lt 3; $k++) {
            Assert-Close $single[$k].Loss $double[$k].Loss (1e-4 * $double[$k].Loss)
            Assert-Close $single[$k].ValidationLoss $double[$k].ValidationLoss (1e-4 * $double[$k].ValidationLoss)
        }
        $single[-1].Loss | Should -Not -Be $double[-1].Loss
    }

    It 'gives the same run from a data set of doubles as from the same data set stored as floats' {
        $doubles = Get-BackpropDataset Digits -Split Train
        $again = $doubles | Invoke-BackpropTraining -Network $net -Optimizer Adam -LearningRate 0.01 -Epochs 3 -BatchSize 32 -Shuffle -Seed 2 -ValidationFraction 0.2 -Precision Single
        $again[-1].Loss | Should -Be $single[-1].Loss
        ConvertTo-BackpropJson $again[-1].Network | Should -Be (ConvertTo-BackpropJson $single[-1].Network)
    }

    It 'trains numeric batches and records in float32 too' {
        $xor = New-BackpropNetwork 2, 4, 1 -Activation Tanh, Sigmoid -Seed 1
        $rows = Invoke-BackpropTraining -Network $xor -Input @(0, 0), @(0, 1), @(1, 0), @(1, 1) -Target 0, 1, 1, 0 -LearningRate 0.5 -Epochs 5 -Precision Single
        $rows[-1].Precision | Should -Be 'Single'
        $records = Get-BackpropDataset Xor | Invoke-BackpropTraining -Network $xor -TargetColumn label -LearningRate 0.5 -Epochs 5 -Precision Single
        $records[-1].Loss | Should -Be $rows[-1].Loss
    }

    It 'predicts and measures in float32, records and data sets alike' {
        $trained = $single[-1].Network
        $exact = @($test | Invoke-BackpropPrediction -Network $trained)
        $fast = @($test | Invoke-BackpropPrediction -Network $trained -Precision Single)
        $fast.Count | Should -Be $exact.Count
        $probability = ($exact[0].PSObject.Properties.Name -like 'Probability_*')[0]
        Assert-Close $fast[0].$probability $exact[0].$probability 1e-5
        $fast[0].$probability | Should -Not -Be $exact[0].$probability
        ($test | Measure-BackpropAccuracy -Network $trained -Precision Single).Accuracy | Should -BeGreaterThan 0.8
        $records = @(Get-BackpropDataset Digits -Split Test -AsRecord | Select-Object -First 5)
        $fromRecords = @($records | Invoke-BackpropPrediction -Network $trained -Precision Single)
        for ($k = 0; $k -lt 5; $k++) { Assert-Close $fromRecords[$k].$probability $fast[$k].$probability 1e-6 }
        ($records | Measure-BackpropAccuracy -Network $trained -Precision Single).Total | Should -Be 5
    }

    It 'runs the learning-rate test in float32' {
        $found = $digits | Find-BackpropLearningRate -Network $net -Optimizer Adam -BatchSize 32 -Steps 40 -Precision Single
        $exact = $digits | Find-BackpropLearningRate -Network $net -Optimizer Adam -BatchSize 32 -Steps 40
        $found.Rows.Count | Should -Be $exact.Rows.Count
        Assert-Close $found.Rows[0].Loss $exact.Rows[0].Loss 1e-5
    }

    It 'is a sweep key: a column of -Grid, or a setting of every run' {
        $rows = Invoke-BackpropSweep -Network $net -Grid ([ordered]@{ Precision = 'Single', 'Double' }) -Parameters @{ Dataset = $digits; Epochs = 1; BatchSize = 64; Seed = 1 } -ThrottleLimit 1
        ($rows | ForEach-Object Precision) -join ',' | Should -Be 'Single,Double'
        Assert-Close $rows[0].Loss $rows[1].Loss (1e-4 * $rows[1].Loss)
        $rows[0].Loss | Should -Not -Be $rows[1].Loss
        { Invoke-BackpropSweep -Network $net -Grid @{ Precision = 'Half' } -Parameters @{ Dataset = $digits } } |
            Should -Throw -ErrorId 'InvalidSweepValue,BackpropPS.Commands.InvokeBackpropSweepCommand'
    }

    It 'stores a data set object as floats, which travels as floats; records ignore it with a warning' {
        $digits.Precision | Should -Be 'Single'
        $digits.Inputs.Precision | Should -Be 'Single'
        $digits.Targets.Precision | Should -Be 'Double'
        $circle = Get-BackpropDataset Circle -Count 50 -Noise 0.1 -AsDataset -Precision Single
        $circle.Inputs[3, 1] | Should -Be ([double][float](Get-BackpropDataset Circle -Count 50 -Noise 0.1 -AsDataset).Inputs[3, 1])
        (Get-BackpropDataset Iris -AsDataset -Precision Single).Precision | Should -Be 'Single'
        $null = Get-BackpropDataset Circle -Count 5 -Precision Single -WarningVariable warned -WarningAction SilentlyContinue
        "$warned" | Should -BeLike '*-Precision apply to data set objects*'
        $path = Join-Path $TestDrive 'circle.xml'
        $circle | Export-Clixml -LiteralPath $path
        $back = Import-Clixml -LiteralPath $path
        $back.Precision | Should -Be 'Single'
        $back.Inputs.ToArray() | Should -Be $circle.Inputs.ToArray()
    }

    It 'keeps an epoch row''s precision through Export-Clixml and a job' {
        $path = Join-Path $TestDrive 'rows.xml'
        $single | Export-Clixml -LiteralPath $path -Depth 3
        $back = Import-Clixml -LiteralPath $path
        $back[-1].GetType().FullName | Should -Be 'BackpropPS.Core.Training.EpochResult'
        $back[-1].Precision | Should -Be 'Single'
        (Import-Clixml -LiteralPath $path | Select-Object -First 1).Precision | Should -Be 'Single'
        $fromJob = Start-Job -ArgumentList $single[-1] -ScriptBlock { param($row) Import-Module BackpropPS; $row.Precision.ToString(); $row } | Receive-Job -Wait -AutoRemoveJob
        $fromJob[0] | Should -Be 'Single'
        $fromJob[1].Precision | Should -Be 'Single'
    }

    It 'refuses a value float32 cannot hold, naming it' {
        $huge = New-BackpropNetwork 2, 1 -Activation Sigmoid -Seed 1
        { Invoke-BackpropTraining -Network $huge -Input @(1, 2), @(3, 1e39) -Target 0, 1 -Epochs 1 -Precision Single -ErrorAction Stop } |
            Should -Throw -ErrorId 'ValueOutOfSingleRange,BackpropPS.Commands.InvokeBackpropTrainingCommand'
        $caught = try { Invoke-BackpropTraining -Network $huge -Input @(1, 2), @(3, 1e39) -Target 0, 1 -Epochs 1 -Precision Single -ErrorAction Stop } catch { $_ }
        $caught.Exception.Message | Should -BeLike '*1E+39 (row 2, column 2)*float32*-Precision Double*'
        { Invoke-BackpropTraining -Network $huge -Input @(1, 2), @(3, 1e39) -Target 0, 1 -Epochs 1 -ErrorAction Stop } | Should -Not -Throw
    }
}
