# Invoke-BackpropPrediction, Measure-BackpropAccuracy and Get-BackpropDataset.
BeforeAll {
    Import-Module BackpropPS -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:irisPath = Join-Path (Get-Module BackpropPS).ModuleBase 'data/iris.csv'
    $net = New-BackpropNetwork -LayerSize 4, 8, 3 -Activation Tanh, Softmax -Seed 3
    $script:trained = (Import-Csv $irisPath | Invoke-BackpropTraining -Network $net -TargetColumn species `
            -Optimizer Adam -LearningRate 0.01 -Epochs 100 -BatchSize 16 -Seed 3 -Standardize)[-1].Network
}

Describe 'Invoke-BackpropPrediction' {
    It 'returns the same records with the predicted label and each class probability' {
        $rows = @(Import-Csv $irisPath | Invoke-BackpropPrediction -Network $trained)
        $rows.Count | Should -Be 150
        $first = $rows[0]
        $first.PSObject.Properties.Name | Should -Be 'sepal_length', 'sepal_width', 'petal_length', 'petal_width', 'species',
            'Predicted', 'Correct', 'Probability_setosa', 'Probability_versicolor', 'Probability_virginica'
        $first.sepal_length | Should -Be '5.1'
        $first.Predicted | Should -Be 'setosa'
        Assert-Close ($first.Probability_setosa + $first.Probability_versicolor + $first.Probability_virginica) 1 1e-12
        ($rows | Where-Object Correct).Count / 150 | Should -BeGreaterThan 0.9
    }

    It 'answers in labels after the network goes through a file, with the same scaling' {
        $path = Join-Path $TestDrive 'iris-net.json'
        $trained | Export-BackpropNetwork -Path $path
        $direct = Import-Csv $irisPath | Invoke-BackpropPrediction -Network $trained
        $viaFile = Import-Csv $irisPath | Invoke-BackpropPrediction -Network (Import-BackpropNetwork $path)
        $viaFile.Predicted | Should -Be $direct.Predicted
        $viaFile.Probability_virginica | Should -Be $direct.Probability_virginica
    }

    It 'exports to CSV' {
        $path = Join-Path $TestDrive 'predicted.csv'
        Import-Csv $irisPath | Invoke-BackpropPrediction -Network $trained | Export-Csv -LiteralPath $path
        (Import-Csv -LiteralPath $path)[0].Predicted | Should -Be 'setosa'
    }

    It 'reports one bad record as a non-terminating error and goes on with the rest' {
        $records = @(Import-Csv $irisPath | Select-Object -First 3)
        $records[1].petal_width = 'wide'
        $records += [pscustomobject]@{ sepal_length = 5; sepal_width = 3; petal_length = 1.5; petal_width = 0.2; species = 'rose' }
        $rows = @($records | Invoke-BackpropPrediction -Network $trained -ErrorVariable problems -ErrorAction SilentlyContinue)
        $rows.Count | Should -Be 2
        $problems.Count | Should -Be 2
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'NonNumericCell,*'
        $problems[0].Exception.Message | Should -BeLike "Record 2, column 'petal_width'*"
        $problems[1].FullyQualifiedErrorId | Should -BeLike 'UnknownLabel,*'
        $problems[1].Exception.Message | Should -BeLike "Record 4, column 'species': the label 'rose'*"
    }

    It 'needs the input columns of a network not trained on records' {
        $plain = New-BackpropNetwork 2, 1 -Seed 1
        Get-ErrorRecord { [pscustomobject]@{ a = 1; b = 2 } | Invoke-BackpropPrediction -Network $plain } 'MissingInputColumn' 'InvalidArgument'
        ([pscustomobject]@{ a = 1; b = 2 } | Invoke-BackpropPrediction -Network $plain -InputColumn a, b).Predicted | Should -BeOfType double
    }
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

Describe 'Get-BackpropDataset' {
    It 'gives the four XOR rows' {
        $rows = Get-BackpropDataset Xor
        $rows.Count | Should -Be 4
        ($rows | ForEach-Object { "$($_.x1)$($_.x2)$($_.label)" }) | Should -Be '000', '011', '101', '110'
    }

    It 'gives Iris as Import-Csv would' {
        $rows = Get-BackpropDataset Iris
        $csv = Import-Csv $irisPath
        $rows.Count | Should -Be 150
        ($rows | ConvertTo-Csv) | Should -Be ($csv | ConvertTo-Csv)
    }

    It 'ships the Iris licence' {
        Test-Path (Join-Path (Get-Module BackpropPS).ModuleBase 'data/iris.LICENSE.txt') | Should -BeTrue
    }

    It 'generates <Name> reproducibly with -Count, -Noise and -Seed' -TestCases @(
        @{ Name = 'Circle' }, @{ Name = 'Spiral' }, @{ Name = 'Gauss' }, @{ Name = 'Moons' }
    ) {
        param($Name)
        $a = Get-BackpropDataset $Name -Count 50 -Noise 0.1 -Seed 4
        $b = Get-BackpropDataset $Name -Count 50 -Noise 0.1 -Seed 4
        $c = Get-BackpropDataset $Name -Count 50 -Noise 0.1 -Seed 5
        $a.Count | Should -Be 50
        ($a | ConvertTo-Csv) | Should -Be ($b | ConvertTo-Csv)
        ($a | ConvertTo-Csv) | Should -Not -Be ($c | ConvertTo-Csv)
        ($a | Where-Object label -eq 1).Count | Should -Be 25
    }

    It 'rejects an unknown name' {
        Get-ErrorRecord { Get-BackpropDataset Cifar } 'CannotConvertArgumentNoMessage' 'InvalidArgument'
    }
}

Describe 'A standardised network outside prediction' {
    It 'scales its inputs in Invoke-BackpropForward as prediction does' {
        $record = Import-Csv $irisPath | Select-Object -First 1
        $predicted = $record | Invoke-BackpropPrediction -Network $trained
        $raw = [double]$record.sepal_length, [double]$record.sepal_width, [double]$record.petal_length, [double]$record.petal_width
        $fwd = $trained | Invoke-BackpropForward -Input $raw
        $fwd.Output[0] | Should -Be $predicted.Probability_setosa
        $fwd.Input[0] | Should -Not -Be $raw[0]
    }
}

Describe 'Measuring nothing' {
    It 'gives no accuracy rather than zero' {
        $report = @() | Measure-BackpropAccuracy -Network $trained
        $report.Total | Should -Be 0
        $report.Accuracy | Should -BeNullOrEmpty
    }
}

Describe 'Fixed data sets' {
    It 'warn that -Count, -Noise and -Seed do not apply' {
        $rows = Get-BackpropDataset Xor -Count 10 -WarningVariable warnings -WarningAction SilentlyContinue
        $rows.Count | Should -Be 4
        $warnings[0].Message | Should -BeLike 'Xor is a fixed data set; -Count apply to the generated sets*'
    }
}

Describe 'Two labels and one sigmoid output' {
    BeforeAll {
        # The moons, labelled in words: the first label in ordinal order is 0, the second 1.
        $script:moons = Get-BackpropDataset Moons -Count 80 -Noise 0.05 -Seed 1 |
            Select-Object x1, x2, @{ Name = 'side'; Expression = { if ($_.label -eq 1) { 'upper' } else { 'lower' } } }
        $net = New-BackpropNetwork 2, 8, 1 -Activation Tanh, Sigmoid -Seed 1
        $script:binary = ($moons | Invoke-BackpropTraining -Network $net -TargetColumn side -Loss BinaryCrossEntropy `
                -Optimizer Adam -LearningRate 0.05 -Epochs 200 -BatchSize 16 -Seed 1)[-1].Network
    }

    It 'trains a one-output network on two text labels' {
        $binary.Schema.ClassLabels | Should -Be 'lower', 'upper'
        $binary.OutputSize | Should -Be 1
    }

    It 'predicts the labels, with a probability for each that sums to 1' {
        $rows = $moons | Invoke-BackpropPrediction -Network $binary
        $rows[0].Predicted | Should -BeIn 'lower', 'upper'
        Assert-Close ($rows[0].Probability_lower + $rows[0].Probability_upper) 1 1e-15
        ($rows | Where-Object Correct).Count / $rows.Count | Should -BeGreaterThan 0.9
        ($rows | Where-Object { ($_.Probability_upper -ge 0.5) -ne ($_.Predicted -eq 'upper') }) | Should -BeNullOrEmpty
    }

    It 'measures the accuracy with a two-by-two confusion matrix, after a round trip through a file' {
        $path = Join-Path $TestDrive 'binary.json'
        $binary | Export-BackpropNetwork -Path $path
        $report = $moons | Measure-BackpropAccuracy -Network (Import-BackpropNetwork $path)
        $report.Total | Should -Be 80
        $report.ConfusionMatrix.Actual | Should -Be 'lower', 'upper'
        $report.Accuracy | Should -BeGreaterThan 0.9
    }

    It 'refuses three labels for one output' {
        $net = New-BackpropNetwork 4, 3, 1 -Seed 1
        $e = Get-ErrorRecord { Import-Csv $irisPath | Invoke-BackpropTraining -Network $net -TargetColumn species } 'ClassCountMismatch' 'InvalidArgument'
        $e.Exception.Message | Should -BeLike '*3 labels*1 output:*two labels*'
    }
}
