# Invoke-BackpropPrediction: records or a data set object in, one row per sample out with the predicted label and each class probability, and its errors.
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

Describe 'A data set object into Invoke-BackpropPrediction' {
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

    It 'predicts one row per sample: its index, its label, the prediction and the probabilities' {
        $rows = @($test | Invoke-BackpropPrediction -Network $model)
        $fromRecords = @($records | Invoke-BackpropPrediction -Network $model)
        $rows.Count | Should -Be 359
        $rows[0].PSObject.Properties.Name | Should -Be (@('Index', 'digit', 'Predicted', 'Correct') + ('0'..'9' | ForEach-Object { "Probability_$_" }))
        $rows.Index | Should -Be (0..358)
        $rows.Predicted | Should -Be $fromRecords.Predicted
        $rows.Correct | Should -Be $fromRecords.Correct
        # A chunk of 512 samples goes through the blocked matrix product, a record through the textbook loop:
        # the same sums in another order, so the last bits may differ.
        for ($i = 0; $i -lt 359; $i++) { Assert-Close $rows[$i].Probability_3 $fromRecords[$i].Probability_3 1e-13 }
        @(Invoke-BackpropPrediction -Network $model -Dataset $test).Count | Should -Be 359
    }
}
