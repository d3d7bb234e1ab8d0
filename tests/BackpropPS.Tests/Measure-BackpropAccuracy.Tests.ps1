# Measure-BackpropAccuracy: the accuracy and confusion matrix of records or a data set object, nothing measured, and what it refuses.
BeforeAll {
    Import-Module BackpropPS -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:irisPath = Join-Path (Get-Module BackpropPS).ModuleBase 'data/iris.csv'
    $net = New-BackpropNetwork -LayerSize 4, 8, 3 -Activation Tanh, Softmax -Seed 3
    $script:trained = (Import-Csv $irisPath | Invoke-BackpropTraining -Network $net -TargetColumn species `
            -Optimizer Adam -LearningRate 0.01 -Epochs 100 -BatchSize 16 -Seed 3 -Standardize)[-1].Network
}

Describe 'Measure-BackpropAccuracy' {
    It 'gives the accuracy and a confusion matrix that exports' {
        $report = Import-Csv $irisPath | Measure-BackpropAccuracy -Network $trained
        $report.Total | Should -Be 150
        $report.Accuracy | Should -Be ($report.Correct / 150)
        $predicted = Import-Csv $irisPath | Invoke-BackpropPrediction -Network $trained
        $report.Correct | Should -Be ($predicted | Where-Object Correct).Count
        $path = Join-Path $TestDrive 'confusion.csv'
        $report.ConfusionMatrix | Export-Csv -LiteralPath $path
        $rows = Import-Csv -LiteralPath $path
        $rows.Actual | Should -Be 'setosa', 'versicolor', 'virginica'
        ($rows | ForEach-Object { [int]$_.Total } | Measure-Object -Sum).Sum | Should -Be 150
        [int]$rows[0].setosa + [int]$rows[0].versicolor + [int]$rows[0].virginica | Should -Be 50
    }

    It 'refuses a regression network' {
        $regression = New-BackpropNetwork 2, 2 -Activation Linear -Seed 1
        Get-ErrorRecord { [pscustomobject]@{ a = 1; b = 2 } | Measure-BackpropAccuracy -Network $regression -InputColumn a, b } 'NotAClassifier' 'InvalidOperation'
    }
}

Describe 'Measuring nothing' {
    It 'gives no accuracy rather than zero' {
        $report = @() | Measure-BackpropAccuracy -Network $trained
        $report.Total | Should -Be 0
        $report.Accuracy | Should -BeNullOrEmpty
    }
}

Describe 'A data set object into Measure-BackpropAccuracy' {
    BeforeAll {
        $script:test = Get-BackpropDataset Digits -Split Test -Seed 5
        $net = New-BackpropNetwork 64, 12, 10 -Activation Tanh, Softmax -Seed 5
        $script:model = (Get-BackpropDataset Digits -Split Train -Seed 5 | Invoke-BackpropTraining -Network $net -Optimizer Adam -LearningRate 0.01 -Epochs 5 -BatchSize 32 -Seed 5)[-1].Network
        # The same samples as records, as -AsRecord gives them, for the record path to judge.
        $script:records = @(foreach ($r in 0..($test.Count - 1)) {
            $record = [ordered]@{}
            $pixels = $test.Inputs.GetRow($r)
            for ($p = 0; $p -lt 64; $p++) { $record["p$p"] = $pixels[$p] }
            $record.digit = "$([array]::IndexOf($test.Targets.GetRow($r), 1.0))"
            [pscustomobject]$record
        })
    }

    It 'measures a data set whole, exactly as its records: piped or with -Dataset' {
        $fromRecords = $records | Measure-BackpropAccuracy -Network $model
        $piped = $test | Measure-BackpropAccuracy -Network $model
        $named = Measure-BackpropAccuracy -Network $model -Dataset $test
        foreach ($report in $piped, $named) {
            $report.Total | Should -Be 359
            $report.Correct | Should -Be $fromRecords.Correct
            ($report.ConfusionMatrix | ConvertTo-Csv) | Should -Be ($fromRecords.ConfusionMatrix | ConvertTo-Csv)
        }
        $fromRecords.Accuracy | Should -BeLessThan 1 -Because 'a five-epoch network makes mistakes to count'
    }

    It 'refuses columns with a data set, and a data set that does not fit the network' {
        Get-ErrorRecord { $test | Measure-BackpropAccuracy -Network $model -InputColumn p0 } 'ColumnWithDataset' 'InvalidArgument' | Out-Null
        Get-ErrorRecord { $test | Invoke-BackpropPrediction -Network $model -InputColumn p0 } 'ColumnWithDataset' 'InvalidArgument' | Out-Null
        $iris = Get-BackpropDataset Iris -AsDataset
        Get-ErrorRecord { $iris | Measure-BackpropAccuracy -Network $model } 'InputSizeMismatch' | Out-Null
    }
}
