# Get-BackpropDataset: XOR, Iris and the generated sets as records or as one data set object, the shipped Digits, IDX files the tests write (plain, gzipped, corrupt), and Fashion-MNIST itself when Debian's package is there.
BeforeAll {
    Import-Module BackpropPS -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:irisPath = Join-Path (Get-Module BackpropPS).ModuleBase 'data/iris.csv'
    $script:irisColumns = 'sepal_length', 'sepal_width', 'petal_length', 'petal_width'
    $script:fashionFolder = '/usr/share/datasets/fashion-mnist'

    function script:New-IdxFile([string] $Path, [int[]] $Dimensions, [byte[]] $Values, [switch] $Gzip) {
        # The IDX layout: 0, 0, type 0x08, rank, big-endian sizes, the values.
        $bytes = [Collections.Generic.List[byte]]::new()
        $bytes.AddRange([byte[]](0, 0, 8, $Dimensions.Count))
        foreach ($d in $Dimensions) { $bytes.AddRange([byte[]]((($d -shr 24) -band 255), (($d -shr 16) -band 255), (($d -shr 8) -band 255), ($d -band 255))) }
        $bytes.AddRange($Values)
        $content = $bytes.ToArray()
        if ($Gzip) {
            $memory = [IO.MemoryStream]::new()
            $zip = [IO.Compression.GZipStream]::new($memory, [IO.Compression.CompressionLevel]::Fastest)
            $zip.Write($content, 0, $content.Length); $zip.Dispose()
            $content = $memory.ToArray()
        }
        [IO.File]::WriteAllBytes($Path, $content)
    }

    function script:New-IdxFolder([string] $Path, [int] $TrainCount = 5, [int] $TestCount = 3) {
        # A tiny MNIST-shaped folder: 2 x 2 images, the training part gzipped, the test part plain.
        New-Item -ItemType Directory -Path $Path -Force | Out-Null
        New-IdxFile (Join-Path $Path 'train-images-idx3-ubyte.gz') ($TrainCount, 2, 2) ([byte[]](1..($TrainCount * 4))) -Gzip
        New-IdxFile (Join-Path $Path 'train-labels-idx1-ubyte.gz') @($TrainCount) ([byte[]](1..$TrainCount | ForEach-Object { $_ % 10 })) -Gzip
        New-IdxFile (Join-Path $Path 't10k-images-idx3-ubyte') ($TestCount, 2, 2) ([byte[]](1..($TestCount * 4) | ForEach-Object { 255 - $_ }))
        New-IdxFile (Join-Path $Path 't10k-labels-idx1-ubyte') @($TestCount) ([byte[]](9..(10 - $TestCount)))
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

Describe 'Fixed data sets' {
    It 'warn that -Count, -Noise and -Seed do not apply' {
        $rows = Get-BackpropDataset Xor -Count 10 -WarningVariable warnings -WarningAction SilentlyContinue
        $rows.Count | Should -Be 4
        $warnings[0].Message | Should -BeLike 'Xor is a fixed data set; -Count apply to the generated sets*'
    }
}

Describe 'Get-BackpropDataset -AsDataset' {
    It 'gives Iris as one object: the four measurements, one-hot species in ordinal order, and its schema' {
        $records = Get-BackpropDataset Iris
        $data = @(Get-BackpropDataset Iris -AsDataset)
        $data.Count | Should -Be 1
        $data = $data[0]
        $data | Should -BeOfType BackpropPS.Core.Training.Dataset
        $data.Count | Should -Be 150
        $data.Schema.InputColumns | Should -Be $irisColumns
        $data.Schema.TargetColumns | Should -Be 'species'
        $data.Schema.ClassLabels | Should -Be 'setosa', 'versicolor', 'virginica'
        $inv = [cultureinfo]::InvariantCulture
        $expected = foreach ($r in $records) { foreach ($c in $irisColumns) { [double]::Parse($r.$c, $inv) } }
        ConvertTo-BitPattern $data.Inputs.ToArray() | Should -Be (ConvertTo-BitPattern $expected)
        $labels = 'setosa', 'versicolor', 'virginica'
        $oneHot = foreach ($r in $records) { foreach ($l in $labels) { [double]($r.species -ceq $l) } }
        $data.Targets.ToArray() | Should -Be $oneHot
    }

    It 'gives <Name> as x1, x2 and a 0/1 label, the records'' numbers exactly' -ForEach @(
        @{ Name = 'Xor'; Options = @{} }
        @{ Name = 'Moons'; Options = @{ Count = 41; Noise = 0.1; Seed = 2 } }
        @{ Name = 'Circle'; Options = @{ Count = 30; Seed = 5 } }
        @{ Name = 'Spiral'; Options = @{ Count = 20 } }
        @{ Name = 'Gauss'; Options = @{ Count = 20; Seed = 1 } }
    ) {
        $records = Get-BackpropDataset $Name @Options
        $data = Get-BackpropDataset $Name @Options -AsDataset
        $data.Count | Should -Be @($records).Count
        ConvertTo-BitPattern $data.Inputs.ToArray() | Should -Be (ConvertTo-BitPattern ($records | ForEach-Object { $_.x1; $_.x2 }))
        $data.Targets.Columns | Should -Be 1
        $data.Targets.ToArray() | Should -Be ($records | ForEach-Object label)
        $data.Schema.InputColumns | Should -Be 'x1', 'x2'
        $data.Schema.TargetColumns | Should -Be 'label'
        $data.Schema.ClassLabels.Count | Should -Be 0
    }

    It 'gives a large generated set as one object, not one per point' {
        $data = @(Get-BackpropDataset Spiral -Count 100000 -AsDataset)
        $data.Count | Should -Be 1
        $data[0].Inputs.Rows | Should -Be 100000
    }

    It 'prints as one short row: name, count, input and target width, labels' {
        $lines = @((Get-BackpropDataset Iris -AsDataset | Out-String -Width 120) -split '\r?\n' | Where-Object { $_.Trim() })
        $lines[0] | Should -Match '^Name\s+Count\s+Inputs\s+Targets\s+Labels$'
        $lines[2] | Should -Match '^Iris\s+150\s+4\s+3\s+setosa, versicolor, virginica$'
        $lines.Count | Should -Be 3
    }
}

Describe 'Get-BackpropDataset Digits' {
    It 'is the shipped file exactly: 1,797 images, 64 pixels divided by 16, the digit as one-hot targets' {
        $digits = Get-BackpropDataset Digits
        $digits | Should -BeOfType BackpropPS.Core.Training.Dataset
        $digits.Name | Should -Be 'Digits'
        $digits.Count | Should -Be 1797
        $digits.Schema.InputColumns | Should -Be (0..63 | ForEach-Object { "p$_" })
        $digits.Schema.TargetColumns | Should -Be 'digit'
        $digits.Schema.ClassLabels | Should -Be ('0'..'9')
        # Checked against the file as Import-Csv reads it: every pixel and every label.
        $module = (Get-Module BackpropPS).ModuleBase
        $rows = Import-Csv (Join-Path $module 'data/digits.csv')
        $rows.Count | Should -Be 1797
        $pixels = $digits.Inputs.ToArray()
        $expected = foreach ($row in $rows) { foreach ($p in 0..63) { [int] $row."p$p" / 16 } }
        ConvertTo-BitPattern $pixels | Should -Be (ConvertTo-BitPattern $expected)
        $labels = foreach ($r in 0..1796) { [array]::IndexOf($digits.Targets.GetRow($r), 1.0) }
        $labels | Should -Be ($rows | ForEach-Object { [int] $_.digit })
        Test-Path (Join-Path $module 'data/digits.LICENSE.txt') | Should -BeTrue
    }

    It 'splits 80/20 from -Seed: the same seed the same parts, another seed other parts' {
        $train = Get-BackpropDataset Digits -Split Train -Seed 3
        $test = Get-BackpropDataset Digits -Split Test -Seed 3
        $train.Count, $test.Count | Should -Be 1438, 359
        $train.Name, $test.Name | Should -Be 'Digits (Train)', 'Digits (Test)'
        (Get-BackpropDataset Digits -Split Test -Seed 3).Inputs.ToArray() | Should -Be $test.Inputs.ToArray()
        "$((Get-BackpropDataset Digits -Split Test -Seed 4).Inputs.ToArray())" | Should -Not -Be "$($test.Inputs.ToArray())"
    }

    It 'trains a 64-32-10 network to at least 95 % on the held-out fifth, the same bits on every run' {
        $train = Get-BackpropDataset Digits -Split Train -Seed 1
        $net = New-BackpropNetwork 64, 32, 10 -Activation ReLU, Softmax -Seed 1
        $runs = 1..2 | ForEach-Object {
            , @($train | Invoke-BackpropTraining -Network $net -Optimizer Adam -LearningRate 0.01 -Epochs 30 -BatchSize 32 -Shuffle -Seed 1)
        }
        ConvertTo-BitPattern ($runs[0][-1].Network | Get-BackpropParameter).Value | Should -Be (ConvertTo-BitPattern ($runs[1][-1].Network | Get-BackpropParameter).Value)
        # The held-out part is the validation split of the whole set with the same seed.
        $whole = Get-BackpropDataset Digits | Invoke-BackpropTraining -Network $net -Optimizer Adam -LearningRate 0.01 -Epochs 30 -BatchSize 32 -Shuffle -Seed 1 -ValidationFraction 0.2
        $whole[-1].ValidationAccuracy | Should -BeGreaterOrEqual 0.95
    }

    It 'gives records with -AsRecord: 64 pixel columns and the digit, shown as a picture at the prompt' {
        $records = @(Get-BackpropDataset Digits -AsRecord | Select-Object -First 5)
        $records.Count | Should -Be 5
        @($records[0].PSObject.Properties).Count | Should -Be 65
        $records[0].digit | Should -Be '0'
        $records[0].p2 | Should -Be 0.3125
        $shown = $records[0] | Out-String
        $shown | Should -Match 'Label\s+: 0'
        $shown | Should -Match 'Image\s+:'
        $shown | Should -Not -Match 'p63'
        # Export-Csv still sees every column.
        ($records[0] | ConvertTo-Csv)[0] | Should -Match '^"p0","p1",.*"p63","digit"$'
    }

    It 'trains the same on its records through Export-Csv and Import-Csv as on the data set' {
        $net = New-BackpropNetwork 64, 8, 10 -Activation Tanh, Softmax -Seed 2
        $settings = @{ Network = $net; Optimizer = 'Adam'; LearningRate = 0.01; Epochs = 2; BatchSize = 64; Seed = 2 }
        $fromSet = Get-BackpropDataset Digits | Invoke-BackpropTraining @settings
        $csv = Join-Path $TestDrive 'digits.csv'
        Get-BackpropDataset Digits -AsRecord | Export-Csv $csv
        $fromCsv = Import-Csv $csv | Invoke-BackpropTraining @settings -TargetColumn digit
        ConvertTo-BitPattern ($fromCsv[-1].Network | Get-BackpropParameter).Value | Should -Be (ConvertTo-BitPattern ($fromSet[-1].Network | Get-BackpropParameter).Value)
    }
}

Describe 'Get-BackpropDataset Mnist and FashionMnist from IDX files' {
    BeforeAll {
        $script:folder = Join-Path $TestDrive 'mnist'
        New-IdxFolder $folder
    }

    It 'reads both published parts from a folder, gzipped or not, training part first' {
        $parts = @(Get-BackpropDataset Mnist -Path $folder)
        $parts.Count | Should -Be 2
        $parts.Name | Should -Be 'Mnist (Train)', 'Mnist (Test)'
        $parts[0].Count, $parts[1].Count | Should -Be 5, 3
        $parts[0].Inputs.GetRow(0) | Should -Be (1..4 | ForEach-Object { $_ / 255 })
        $parts[1].Inputs.GetRow(0) | Should -Be (254..251 | ForEach-Object { $_ / 255 })
        [array]::IndexOf($parts[1].Targets.GetRow(0), 1.0) | Should -Be 9
        $parts[0].Schema.InputColumns | Should -Be 'p0', 'p1', 'p2', 'p3'
        $parts[0].Schema.TargetColumns | Should -Be 'label'
    }

    It 'reads one part with -Split, and FashionMnist labels are the clothes' {
        $test = @(Get-BackpropDataset FashionMnist -Path $folder -Split Test)
        $test.Count | Should -Be 1
        $test[0].Name | Should -Be 'FashionMnist (Test)'
        $test[0].Schema.ClassLabels[9] | Should -Be 'Ankle boot'
        (Get-BackpropDataset FashionMnist -Path $folder -Split Test -AsRecord | Select-Object -First 1).label | Should -Be 'Ankle boot'
    }

    It 'reads an explicit image file and label file, in either order' {
        $a = Get-BackpropDataset Mnist -Path (Join-Path $folder 't10k-labels-idx1-ubyte'), (Join-Path $folder 't10k-images-idx3-ubyte')
        $a.Count | Should -Be 3
        $a.Inputs.GetRow(2) | Should -Be (246..243 | ForEach-Object { $_ / 255 })
    }

    It 'refuses a corrupt file, naming it: <Case>' -ForEach @(
        @{ Case = 'truncated'; Dimensions = 5, 2, 2; Count = 19; ErrorId = 'InvalidIdxFile'; Says = 'it holds 19 values, fewer than the 20 (5 x 2 x 2) its header declares' }
        @{ Case = 'extra bytes'; Dimensions = 5, 2, 2; Count = 21; ErrorId = 'InvalidIdxFile'; Says = 'it holds more values than the 20 (5 x 2 x 2) its header declares' }
        @{ Case = 'more images than labels'; Dimensions = 6, 2, 2; Count = 24; ErrorId = 'IdxFileMismatch'; Says = '6 images' }
    ) {
        $bad = Join-Path $TestDrive "bad-$($Case -replace ' ', '-')"
        New-IdxFolder $bad
        New-IdxFile (Join-Path $bad 'train-images-idx3-ubyte.gz') $Dimensions ([byte[]](1..$Count)) -Gzip
        $record = Get-ErrorRecord { Get-BackpropDataset Mnist -Path $bad -Split Train } -ErrorId $ErrorId -Category InvalidData
        $record.Exception.Message | Should -Match ([regex]::Escape($Says))
        $record.Exception.Message | Should -Match 'train-(images|labels)'
    }

    It 'refuses a file that is not IDX (the magic number) or not gzip' {
        $bad = Join-Path $TestDrive 'not-idx'
        New-IdxFolder $bad
        [IO.File]::WriteAllBytes((Join-Path $bad 't10k-labels-idx1-ubyte'), [byte[]](1, 2, 8, 1, 0, 0, 0, 3, 1, 2, 3))
        (Get-ErrorRecord { Get-BackpropDataset Mnist -Path $bad -Split Test } -ErrorId InvalidIdxFile).Exception.Message | Should -Match 'magic number'
        [IO.File]::WriteAllBytes((Join-Path $bad 'train-labels-idx1-ubyte.gz'), [byte[]](0x1f, 0x8b, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9))
        (Get-ErrorRecord { Get-BackpropDataset Mnist -Path $bad -Split Train } -ErrorId InvalidIdxFile).Exception.Message | Should -Match 'gzip'
    }

    It 'says where to get the files when they are not there' {
        $empty = Join-Path $TestDrive 'empty'
        New-Item -ItemType Directory $empty | Out-Null
        $record = Get-ErrorRecord { Get-BackpropDataset FashionMnist -Path $empty } -ErrorId DatasetFileNotFound -Category ObjectNotFound
        $record.Exception.Message | Should -Match 'apt-get install -y dataset-fashion-mnist'
        $record.Exception | Should -BeOfType System.Management.Automation.ItemNotFoundException
        (Get-ErrorRecord { Get-BackpropDataset Mnist } -ErrorId DatasetFileNotFound).Exception.Message | Should -Match '-Path'
        (Get-ErrorRecord { Get-BackpropDataset Mnist -Path (Join-Path $TestDrive 'nope') } -ErrorId DatasetPathNotFound).Exception.Message | Should -Match 'does not exist'
    }

    It 'warns about settings that do not apply' {
        $null = Get-BackpropDataset Mnist -Path $folder -Split Test -Count 5 -WarningVariable warnings -WarningAction SilentlyContinue
        "$warnings" | Should -Match '-Count'
    }
}

Describe 'Fashion-MNIST itself (Debian''s dataset-fashion-mnist)' {
    It 'reads 60,000 + 10,000 images and trains on the first 2,000 for one epoch' {
        if (-not (Test-Path (Join-Path $fashionFolder 'train-images-idx3-ubyte.gz'))) {
            Set-ItResult -Skipped -Because "Fashion-MNIST is not installed in $fashionFolder (apt-get install -y dataset-fashion-mnist)"
            return
        }
        $train, $test = Get-BackpropDataset FashionMnist
        $train.Count, $test.Count | Should -Be 60000, 10000
        $train.Inputs.Columns | Should -Be 784
        $first = $train.Rows([int[]](0..1999), 0, 2000)
        $net = New-BackpropNetwork 784, 32, 10 -Activation ReLU, Softmax -Seed 1
        $run = @($first | Invoke-BackpropTraining -Network $net -Optimizer Adam -LearningRate 0.001 -Epochs 1 -BatchSize 128 -Seed 1)
        $run.Count | Should -Be 1
        $run[0].Accuracy | Should -BeGreaterThan 0.3 -Because 'one epoch on 2,000 images learns far more than chance (0.1)'
        $run[0].Network.Schema.ClassLabels[0] | Should -Be 'T-shirt/top'
    }

    It 'runs docs/examples/FashionMnist.ps1 end to end, which prints exactly its three lines (here one epoch)' {
        if (-not (Test-Path (Join-Path $fashionFolder 'train-images-idx3-ubyte.gz'))) {
            Set-ItResult -Skipped -Because "Fashion-MNIST is not installed in $fashionFolder (apt-get install -y dataset-fashion-mnist)"
            return
        }
        $script = Join-Path $PSScriptRoot '../../docs/examples/FashionMnist.ps1'
        $lines = @(Invoke-FreshPwsh "& '$script' -Epochs 1")
        $lines.Count | Should -Be 3
        $lines[0] | Should -Be 'epochs: 1'
        $lines[1] | Should -Match '^training seconds: \d+\.\d$'
        $lines[2] | Should -Match '^test accuracy: 0\.\d{4}$'
        [double]($lines[2] -replace '^test accuracy: ') | Should -BeGreaterThan 0.8 -Because 'one epoch of the recipe already gets most test images right'
    }
}

Describe 'Sizes beyond what can be built' {
    It 'refuses a generated set of more points than its cap: <Count> as <How>' -ForEach @(
        @{ Count = 2147483647; How = 'records'; AsDataset = $false; Says = '*at most 1,000,000 points as records*-AsDataset*10,000,000 points*' }
        @{ Count = 1000001; How = 'records'; AsDataset = $false; Says = '*at most 1,000,000 points as records, the cap of records*got 1,000,001*' }
        @{ Count = 10000001; How = 'a data set'; AsDataset = $true; Says = '*at most 10,000,000 points, the cap of a generated set; got 10,000,001*' }
    ) {
        $e = Get-ErrorRecord { Get-BackpropDataset Circle -Count $Count -AsDataset:$AsDataset } 'CountTooLarge' 'LimitsExceeded'
        $e.Exception.Message | Should -BeLike $Says
    }

    It 'takes the caps themselves: a million records (written one at a time), a noise of 10' {
        $first = Get-BackpropDataset Gauss -Count 1000000 -Noise 10 -Seed 1 | Select-Object -First 2
        $first.label | Should -Be 0, 1
        [double]::IsFinite($first[0].x1) | Should -BeTrue
    }

    It 'refuses noise above its cap, and noise that is not a finite number of zero or more' {
        $e = Get-ErrorRecord { Get-BackpropDataset Moons -Noise 1e308 } 'NoiseTooLarge' 'LimitsExceeded'
        $e.Exception.Message | Should -BeLike '*at most 10, the cap*got 1E+308.'
        Get-ErrorRecord { Get-BackpropDataset Moons -Noise 10.5 -AsDataset } 'NoiseTooLarge' 'LimitsExceeded'
        Get-ErrorRecord { Get-BackpropDataset Moons -Noise -0.1 } 'InvalidNoise' 'InvalidArgument'
        Get-ErrorRecord { Get-BackpropDataset Moons -Noise ([double]::NaN) } 'InvalidNoise' 'InvalidArgument'
        Get-ErrorRecord { Get-BackpropDataset Moons -Noise ([double]::PositiveInfinity) } 'InvalidNoise' 'InvalidArgument'
        Get-ErrorRecord { Get-BackpropDataset Moons -Count 1 } 'InvalidCount' 'InvalidArgument'
    }
}

Describe 'Hostile IDX files: refused cleanly, from their header or their type, before they cost anything' {
    BeforeAll {
        $script:hostile = Join-Path $TestDrive 'hostile'
        New-IdxFolder $hostile
        $script:labels = Join-Path $hostile 't10k-labels-idx1-ubyte'
        $script:images = Join-Path $hostile 't10k-images-idx3-ubyte'

        function script:New-GzipBomb([string] $Path, [long[]] $Dimensions, [long] $Zeros) {
            # An IDX header, then $Zeros zero bytes, gzipped as a stream: a thousand to one.
            $header = [Collections.Generic.List[byte]]::new()
            $header.AddRange([byte[]](0, 0, 8, $Dimensions.Count))
            foreach ($d in $Dimensions) { $header.AddRange([byte[]]((($d -shr 24) -band 255), (($d -shr 16) -band 255), (($d -shr 8) -band 255), ($d -band 255))) }
            $file = [IO.File]::Create($Path)
            $zip = [IO.Compression.GZipStream]::new($file, [IO.Compression.CompressionLevel]::Optimal)
            $zip.Write($header.ToArray(), 0, $header.Count)
            $block = [byte[]]::new(1MB)
            for ($left = $Zeros; $left -gt 0; $left -= $block.Length) { $zip.Write($block, 0, [Math]::Min($left, $block.Length)) }
            $zip.Dispose(); $file.Dispose()
        }

    }

    It 'refuses a named pipe (FIFO) without opening it, so that nothing waits for a writer' {
        if (-not (Get-Command mkfifo -CommandType Application -ErrorAction SilentlyContinue)) {
            Set-ItResult -Skipped -Because 'there is no mkfifo on this system (named pipes in the file system are a Unix thing)'
            return
        }
        $fifo = Join-Path $TestDrive 'pipe'
        & mkfifo $fifo
        $LASTEXITCODE | Should -Be 0
        # In a fresh process, killed if it ever blocks: Ctrl+C could not stop a read blocked in opening a pipe.
        $lines = Invoke-GuardedPwsh "try { Get-BackpropDataset Mnist -Path '$fifo', '$labels' -ErrorAction Stop } catch { `$_.FullyQualifiedErrorId; `$_.CategoryInfo.Category; `$_.Exception.Message }"
        $lines[0] | Should -Be 'NotARegularFile,BackpropPS.Commands.GetBackpropDatasetCommand'
        $lines[1] | Should -Be 'InvalidArgument'
        $lines[2] | Should -BeLike "Expected a regular file; '$fifo' is a named pipe (FIFO).*"
        # In this process too: the same error, at once.
        $e = Get-ErrorRecord { Get-BackpropDataset Mnist -Path $labels, $fifo } 'NotARegularFile' 'InvalidArgument'
        $e.TargetObject | Should -Be $labels, $fifo
    }

    It 'refuses a device and a folder in place of a file' {
        if (Test-Path /dev/zero) {
            (Get-ErrorRecord { Get-BackpropDataset Mnist -Path /dev/zero, $labels } 'NotARegularFile').Exception.Message | Should -BeLike '*is a character device*'
        }
        $folder = Join-Path $TestDrive 'folder-named-like-a-file'
        New-IdxFolder $folder
        Remove-Item (Join-Path $folder 'train-images-idx3-ubyte.gz')
        New-Item -ItemType Directory (Join-Path $folder 'train-images-idx3-ubyte.gz') | Out-Null
        (Get-ErrorRecord { Get-BackpropDataset Mnist -Path $folder -Split Train } 'NotARegularFile').Exception.Message | Should -BeLike '*train-images-idx3-ubyte.gz'' is a folder*'
    }

    It 'refuses a header whose sizes overflow: <Case>' -ForEach @(
        @{ Case = '1 x 65536 x 65537, once taken for 65,536 pixels'; Dimensions = 1, 65536, 65537; Says = '*its items have 4,295,032,832 values each (65,536 x 65,537); the module reads at most 1,048,576*' }
        @{ Case = '2147483647 x 1 x 1'; Dimensions = 2147483647, 1, 1; Says = '*more than one array holds (2,147,483,591)*' }
    ) {
        $path = Join-Path $TestDrive 'overflow'
        New-IdxFile $path $Dimensions ([byte[]]::new(65536))
        $e = Get-ErrorRecord { Get-BackpropDataset Mnist -Path $path, $labels } 'IdxFileTooLarge' 'LimitsExceeded'
        $e.Exception.Message | Should -BeLike $Says
    }

    It 'refuses a gzip bomb unread: 15 MB of zeros in 15 KB' {
        $bomb = Join-Path $TestDrive 'bomb-images.gz'
        $bombLabels = Join-Path $TestDrive 'bomb-labels'
        New-GzipBomb $bomb 20000, 28, 28 (20000 * 784)
        New-IdxFile $bombLabels 20000 ([byte[]]::new(20000))
        (Get-Item $bomb).Length | Should -BeLessThan 20KB
        $e = Get-ErrorRecord { Get-BackpropDataset Mnist -Path $bomb, $bombLabels } 'IdxFileTooCompressed' 'LimitsExceeded'
        $e.Exception.Message | Should -BeLike "'$bomb' declares 15,680,000 (20,000 x 28 x 28) values, 15 MB to unpack from * of gzip, * times its size; the module unpacks a file to at most 100 times its size*"
    }

    It 'refuses a data set larger than the memory the process may use, naming both sizes' {
        # 2.7 million images declared in 1 KB; the fresh process may use 1 GB (a GC heap limit).
        $bomb = Join-Path $TestDrive 'millions.gz'
        New-GzipBomb $bomb 2700000, 28, 28 1MB
        $many = Join-Path $TestDrive 'millions-labels.gz'
        New-GzipBomb $many @(2700000) 0
        $lines = Invoke-GuardedPwsh "try { Get-BackpropDataset Mnist -Path '$bomb', '$many' -ErrorAction Stop } catch { `$_.FullyQualifiedErrorId; `$_.Exception.Message }" @{ DOTNET_GCHeapHardLimit = '0x40000000' }
        $lines[0] | Should -Be 'DatasetTooLarge,BackpropPS.Commands.GetBackpropDatasetCommand'
        $lines[1] | Should -Be "'$bomb' and its labels (2,700,000 images of 28 x 28 pixels) would need 17.9 GB of memory as a data set; this process can use 1 GB."
    }

    It 'refuses bytes after the gzip data, a second gzip member among them' {
        $gz = Join-Path $hostile 'train-images-idx3-ubyte.gz'
        $whole = [IO.File]::ReadAllBytes($gz)
        $junk = Join-Path $TestDrive 'junk'
        [IO.File]::WriteAllBytes($junk, [byte[]]($whole + [byte[]](0, 0, 0)))
        $trainLabels = Join-Path $hostile 'train-labels-idx1-ubyte.gz'
        $says = '*goes on after the end of its gzip data*'
        (Get-ErrorRecord { Get-BackpropDataset Mnist -Path $junk, $trainLabels } 'InvalidIdxFile' 'InvalidData').Exception.Message | Should -BeLike $says
        [IO.File]::WriteAllBytes($junk, [byte[]]($whole + $whole))
        (Get-ErrorRecord { Get-BackpropDataset Mnist -Path $junk, $trainLabels } 'InvalidIdxFile' 'InvalidData').Exception.Message | Should -BeLike $says
    }

    It 'says exactly how many values a plain file holds against its header' {
        New-IdxFile $images (3, 2, 2) ([byte[]](1..11))
        (Get-ErrorRecord { Get-BackpropDataset Mnist -Path $hostile -Split Test } 'InvalidIdxFile').Exception.Message | Should -BeLike '*it holds 11 values, fewer than the 12 (3 x 2 x 2) its header declares.'
        New-IdxFile $images (3, 2, 2) ([byte[]](1..13))
        (Get-ErrorRecord { Get-BackpropDataset Mnist -Path $hostile -Split Test } 'InvalidIdxFile').Exception.Message | Should -BeLike '*it holds 13 values, more than the 12 (3 x 2 x 2) its header declares.'
    }
}
