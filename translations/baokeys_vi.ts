<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>BatchFailures</name>
    <message>
        <source>no reason given</source>
        <translation>không rõ lý do</translation>
    </message>
    <message numerus="yes">
        <source>%L1 of %Ln failed: %2 (%3)</source>
        <translation>
            <numerusform>%L1 trên %Ln thất bại: %2 (%3)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n other reason(s), in the Error column</source>
        <translation>
            <numerusform>; %n lý do khác, xem cột Lỗi</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <source>The key was not found on the server.</source>
        <translation>Không tìm thấy khóa trên máy chủ.</translation>
    </message>
    <message>
        <source>A key with that name already exists.</source>
        <translation>Đã có một khóa mang tên này.</translation>
    </message>
    <message>
        <source>The server refused the token: it is wrong, expired, or its policy does not allow this.</source>
        <translation>Máy chủ từ chối token: token sai, đã hết hạn, hoặc chính sách của nó không cho phép việc này.</translation>
    </message>
    <message>
        <source>The server is sealed: unseal it before using its keys.</source>
        <translation>Máy chủ đang bị niêm phong (sealed): hãy mở niêm phong trước khi dùng khóa.</translation>
    </message>
    <message>
        <source>This node is a standby: connect to the active node.</source>
        <translation>Nút này đang ở chế độ dự phòng (standby): hãy kết nối tới nút đang hoạt động.</translation>
    </message>
    <message>
        <source>The server is rate limiting requests: try again shortly.</source>
        <translation>Máy chủ đang giới hạn tần suất yêu cầu: hãy thử lại sau ít phút.</translation>
    </message>
    <message>
        <source>The server refused the request.</source>
        <translation>Máy chủ từ chối yêu cầu.</translation>
    </message>
    <message>
        <source>This key is not exportable: its private key never leaves the server.</source>
        <translation>Khóa này không thể xuất: khóa bí mật của nó không bao giờ rời khỏi máy chủ.</translation>
    </message>
    <message>
        <source>The server failed while handling the request.</source>
        <translation>Máy chủ gặp lỗi khi xử lý yêu cầu.</translation>
    </message>
    <message>
        <source>The server could not be reached.</source>
        <translation>Không thể kết nối tới máy chủ.</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>Máy chủ không trả lời kịp thời.</translation>
    </message>
    <message>
        <source>The request was sent but its answer was lost: the server may or may not have done it. It is not sent again; sync with the server, or do the same again, to settle it.</source>
        <translation>Yêu cầu đã được gửi nhưng câu trả lời bị mất: máy chủ có thể đã thực hiện hoặc chưa. Yêu cầu không được gửi lại; hãy đồng bộ với máy chủ, hoặc thực hiện lại thao tác đó, để xác định kết quả.</translation>
    </message>
    <message>
        <source>The operation was cancelled.</source>
        <translation>Thao tác đã bị hủy.</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be understood.</source>
        <translation>Không hiểu được câu trả lời của máy chủ.</translation>
    </message>
    <message>
        <source>The server&apos;s answer failed a security check (a signature or public key did not match). Nothing was accepted.</source>
        <translation>Câu trả lời của máy chủ không qua được kiểm tra an ninh (chữ ký hoặc khóa công khai không khớp). Không có gì được chấp nhận.</translation>
    </message>
    <message>
        <source>That key name is not allowed.</source>
        <translation>Tên khóa này không hợp lệ.</translation>
    </message>
    <message>
        <source>The input is not valid.</source>
        <translation>Dữ liệu nhập không hợp lệ.</translation>
    </message>
    <message>
        <source>The local key list is damaged; sync with the server to rebuild it.</source>
        <translation>Danh sách khóa cục bộ bị hỏng; hãy đồng bộ với máy chủ để dựng lại.</translation>
    </message>
    <message>
        <source>The local key list could not be read or written.</source>
        <translation>Không thể đọc hoặc ghi danh sách khóa cục bộ.</translation>
    </message>
    <message>
        <source>The server cannot do this safely.</source>
        <translation>Máy chủ không thể làm việc này một cách an toàn.</translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation>Đã xảy ra lỗi.</translation>
    </message>
    <message>
        <source>Kind: %1</source>
        <translation>Loại: %1</translation>
    </message>
    <message>
        <source>HTTP status: %1</source>
        <translation>Mã trạng thái HTTP: %1</translation>
    </message>
    <message>
        <source>Message: %1</source>
        <translation>Thông điệp: %1</translation>
    </message>
    <message>
        <source>Active node: %1</source>
        <translation>Nút đang hoạt động: %1</translation>
    </message>
    <message>
        <source>The local key list was written by a newer BaoKeys, and is left as it is: open it with that version, or use another data folder for this one.</source>
        <translation>Danh sách khóa cục bộ được ghi bởi một phiên bản BaoKeys mới hơn và được giữ nguyên: hãy mở nó bằng phiên bản đó, hoặc dùng một thư mục dữ liệu khác cho phiên bản này.</translation>
    </message>
    <message>
        <source>The key is no longer in this profile&apos;s key list (it was deleted or renamed meanwhile); nothing was sent to the server.</source>
        <translation>Khóa không còn trong danh sách khóa của hồ sơ này (nó đã bị xóa hoặc đổi tên trong lúc đó); không có gì được gửi tới máy chủ.</translation>
    </message>
    <message>
        <source>The server answered with an error (HTTP %1) that does not say whether it was done. It is not sent again; sync with the server, or do the same again, to settle it.</source>
        <translation>Máy chủ trả lời bằng một lỗi (HTTP %1) không cho biết thao tác đã được thực hiện hay chưa. Yêu cầu không được gửi lại; hãy đồng bộ với máy chủ, hoặc thực hiện lại thao tác đó, để xác định kết quả.</translation>
    </message>
</context>
<context>
    <name>LatencyStats</name>
    <message numerus="yes">
        <source>%Ln signature(s) in %1 ms — sequential would take %2 ms (%3× faster)</source>
        <translation>
            <numerusform>%Ln chữ ký trong %1 ms — ký tuần tự sẽ mất %2 ms (nhanh hơn %3×)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NameList</name>
    <message numerus="yes">
        <source>and %Ln more</source>
        <translation>
            <numerusform>và %Ln khóa khác</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Profile</name>
    <message>
        <source>OpenBao server</source>
        <translation>Máy chủ OpenBao</translation>
    </message>
    <message>
        <source>Embedded signer (in memory, dev)</source>
        <translation>Bộ ký nhúng (trong bộ nhớ, phát triển)</translation>
    </message>
    <message>
        <source>Embedded signer (encrypted folder)</source>
        <translation>Bộ ký nhúng (thư mục mã hóa)</translation>
    </message>
    <message>
        <source>Embedded signer</source>
        <translation>Bộ ký nhúng</translation>
    </message>
</context>
<context>
    <name>baokeys::ui::AccessPolicyDialog</name>
    <message>
        <source>Access policies</source>
        <translation>Chính sách truy cập</translation>
    </message>
    <message>
        <source>Give each token only what its job needs: the workers a sign-only token, the machine that provisions them a provisioning token. Write the policy on the server with &lt;code&gt;bao policy write&lt;/code&gt;, then create tokens with it.</source>
        <translation>Mỗi token chỉ nên có đúng quyền mà việc của nó cần: các worker dùng token chỉ ký, máy cấp phát chúng dùng token cấp phát. Ghi chính sách lên máy chủ bằng &lt;code&gt;bao policy write&lt;/code&gt;, rồi tạo token với chính sách đó.</translation>
    </message>
    <message>
        <source>Sign only: the workers&apos; token</source>
        <translation>Chỉ ký: token của các worker</translation>
    </message>
    <message>
        <source>Provision: create, import and list keys</source>
        <translation>Cấp phát: tạo, nhập và liệt kê khóa</translation>
    </message>
    <message>
        <source>Admin: everything, export and delete included</source>
        <translation>Quản trị: mọi quyền, kể cả xuất và xóa</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Vai trò:</translation>
    </message>
    <message>
        <source>Keys &amp;named</source>
        <translation>Khóa có &amp;tên</translation>
    </message>
    <message numerus="yes">
        <source>The &amp;selected keys (%Ln)</source>
        <translation>
            <numerusform>Các khóa đã &amp;chọn (%Ln)</numerusform>
        </translation>
    </message>
    <message>
        <source>The &amp;selected keys (none selected)</source>
        <translation>Các khóa đã &amp;chọn (chưa chọn khóa nào)</translation>
    </message>
    <message>
        <source>Keys:</source>
        <translation>Khóa:</translation>
    </message>
    <message>
        <source>Policy name:</source>
        <translation>Tên chính sách:</translation>
    </message>
    <message>
        <source>C&amp;opy</source>
        <translation>Sa&amp;o chép</translation>
    </message>
    <message>
        <source>Sa&amp;ve…</source>
        <translation>&amp;Lưu…</translation>
    </message>
    <message>
        <source>Enter the keys&apos; name prefix, such as %1.</source>
        <translation>Nhập tiền tố tên của các khóa, ví dụ %1.</translation>
    </message>
    <message>
        <source>C&amp;opied</source>
        <translation>Đã sa&amp;o chép</translation>
    </message>
    <message>
        <source>Save the policy</source>
        <translation>Lưu chính sách</translation>
    </message>
    <message>
        <source>OpenBao policy (*.hcl)</source>
        <translation>Chính sách OpenBao (*.hcl)</translation>
    </message>
    <message>
        <source>The policy could not be saved to %1.</source>
        <translation>Không lưu được chính sách vào %1.</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Tiền tố</translation>
    </message>
</context>
<context>
    <name>baokeys::ui::BatchItemModel</name>
    <message>
        <source>running</source>
        <translation>đang chạy</translation>
    </message>
    <message>
        <source>checking</source>
        <translation>đang kiểm tra</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>đang chờ</translation>
    </message>
    <message>
        <source>done</source>
        <translation>xong</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>thất bại</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>đã hủy</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Khóa</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Độ trễ</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Lỗi</translation>
    </message>
    <message>
        <source>cancelling…</source>
        <translation>đang hủy…</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>baokeys::ui::BatchRunView</name>
    <message>
        <source>%v of %m</source>
        <translation>%v / %m</translation>
    </message>
    <message numerus="yes">
        <source>Cancelling: waiting for %n request(s) in flight; their results are kept.</source>
        <translation>
            <numerusform>Đang hủy: chờ %n yêu cầu đang gửi; kết quả của chúng được giữ lại.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>baokeys::ui::ConnectionMonitor</name>
    <message>
        <source>Checking…</source>
        <translation>Đang kiểm tra…</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Hoạt động</translation>
    </message>
    <message>
        <source>Standby</source>
        <translation>Dự phòng</translation>
    </message>
    <message>
        <source>Sealed</source>
        <translation>Bị niêm phong</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>Không kết nối được</translation>
    </message>
    <message>
        <source>Token refused</source>
        <translation>Token bị từ chối</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>phiên bản %1</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>active</source>
        <translation>hoạt động</translation>
    </message>
    <message>
        <source>standby</source>
        <translation>dự phòng</translation>
    </message>
    <message>
        <source>performance standby</source>
        <translation>dự phòng hiệu năng</translation>
    </message>
    <message>
        <source>DR secondary</source>
        <translation>bản sao DR</translation>
    </message>
    <message>
        <source>sealed</source>
        <translation>đã niêm phong</translation>
    </message>
    <message>
        <source>not initialized</source>
        <translation>chưa khởi tạo</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>không kết nối được</translation>
    </message>
    <message>
        <source>node %1</source>
        <translation>nút %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n reachable</source>
        <translation>
            <numerusform>%1 trên %n nút phản hồi</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>baokeys::ui::DeleteKeyDialog</name>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Xóa</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n key(s)</source>
        <translation>
            <numerusform>Xóa %n khóa</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleting %1 destroys %n private key(s) on the server. Funds held by the address(es) can no longer be moved unless the key(s) were backed up.</source>
        <translation>
            <numerusform>Xóa %1 sẽ hủy %n khóa riêng trên máy chủ. Tiền trong các địa chỉ này sẽ không thể chuyển đi nữa trừ khi các khóa đã được sao lưu.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The server no longer has %1 (%n key(s)): deleting only removes it from this list; nothing is destroyed on the server.</source>
        <translation>
            <numerusform>Máy chủ không còn %1 (%n khóa): xóa chỉ gỡ khỏi danh sách này; không có gì bị hủy trên máy chủ.</numerusform>
        </translation>
    </message>
    <message>
        <source>Type the key&apos;s name to confirm:</source>
        <translation>Nhập tên khóa để xác nhận:</translation>
    </message>
    <message>
        <source>Type the number of keys (%1) to confirm:</source>
        <translation>Nhập số khóa (%1) để xác nhận:</translation>
    </message>
    <message numerus="yes">
        <source>The server holds other keys under the names %1 (%n key(s)), found by sync: deleting only removes them from this list; the server&apos;s keys are left untouched.</source>
        <translation>
            <numerusform>Máy chủ đang giữ các khóa khác dưới các tên %1 (%n khóa), do đồng bộ phát hiện: xóa chỉ gỡ chúng khỏi danh sách này; các khóa của máy chủ được giữ nguyên.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>baokeys::ui::ExportKeyDialog</name>
    <message>
        <source>Export private key of %1</source>
        <translation>Xuất khóa bí mật của %1</translation>
    </message>
    <message>
        <source>Anyone who sees this private key controls the key and everything its address holds. Export it only to back it up somewhere safe, never to a shared screen, chat or unencrypted file.</source>
        <translation>Bất kỳ ai nhìn thấy khóa bí mật này đều kiểm soát khóa và mọi thứ địa chỉ của nó nắm giữ. Chỉ xuất để sao lưu vào nơi an toàn, không bao giờ lên màn hình chia sẻ, tin nhắn hay tệp không mã hóa.</translation>
    </message>
    <message>
        <source>I &amp;understand the risk and want to export this key</source>
        <translation>Tôi &amp;hiểu rủi ro và muốn xuất khóa này</translation>
    </message>
    <message>
        <source>&amp;Reveal</source>
        <translation>&amp;Hiện</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Xuất</translation>
    </message>
    <message>
        <source>&amp;Copy (cleared after %1 s)</source>
        <translation>&amp;Sao chép (xóa sau %1 giây)</translation>
    </message>
    <message>
        <source>Exporting %1 failed.</source>
        <translation>Xuất %1 thất bại.</translation>
    </message>
</context>
<context>
    <name>baokeys::ui::FieldErrors</name>
    <message>
        <source>%1: %2</source>
        <extracomment>A form field&apos;s problem shown under it: &quot;Amount: not a coin such as 1000utia&quot;</extracomment>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>baokeys::ui::GrantFeesDialog</name>
    <message>
        <source>Grant fees</source>
        <translation>Cấp phí</translation>
    </message>
    <message>
        <source>&amp;Granter key:</source>
        <translation>&amp;Khóa trả phí:</translation>
    </message>
    <message>
        <source>Granter key</source>
        <translation>Khóa trả phí</translation>
    </message>
    <message>
        <source>The most the grant pays in all, per worker. Empty: no limit.</source>
        <translation>Số tiền tối đa khoản cấp trả tổng cộng, cho mỗi worker. Để trống: không giới hạn.</translation>
    </message>
    <message>
        <source>&amp;Spend limit:</source>
        <translation>&amp;Hạn mức chi:</translation>
    </message>
    <message>
        <source>Spend limit</source>
        <translation>Hạn mức chi</translation>
    </message>
    <message>
        <source>E&amp;xpires</source>
        <translation>Hế&amp;t hạn</translation>
    </message>
    <message>
        <source>Expir&amp;y:</source>
        <translation>Thờ&amp;i hạn:</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Thời hạn</translation>
    </message>
    <message>
        <source>Message type URLs the grant pays for, separated by commas. Empty: any message (an unlimited grant is riskier).</source>
        <translation>Các type URL của thông điệp mà khoản cấp trả phí, cách nhau bằng dấu phẩy. Để trống: mọi thông điệp (khoản cấp không giới hạn rủi ro hơn).</translation>
    </message>
    <message>
        <source>Pays only for</source>
        <translation>Chỉ trả cho</translation>
    </message>
    <message>
        <source>Fund &amp;workers without an account</source>
        <translation>Nạp tiền cho các &amp;worker chưa có tài khoản</translation>
    </message>
    <message>
        <source>A worker without an account on chain cannot sign: a MsgSend in the same transaction creates it.</source>
        <translation>Worker chưa có tài khoản trên chuỗi thì không ký được: một MsgSend trong cùng giao dịch sẽ tạo tài khoản đó.</translation>
    </message>
    <message>
        <source>F&amp;unding:</source>
        <translation>Nạp tiề&amp;n:</translation>
    </message>
    <message>
        <source>Funding</source>
        <translation>Nạp tiền</translation>
    </message>
    <message>
        <source>&amp;Fee:</source>
        <translation>&amp;Phí:</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Phí</translation>
    </message>
    <message>
        <source>required offline, e.g. 600000</source>
        <translation>bắt buộc khi ngoại tuyến, ví dụ 600000</translation>
    </message>
    <message>
        <source>A gas limit, or &quot;auto&quot; to simulate on the chain node (times 1.3).</source>
        <translation>Giới hạn gas, hoặc &quot;auto&quot; để mô phỏng trên nút chuỗi (nhân 1,3).</translation>
    </message>
    <message>
        <source>G&amp;as:</source>
        <translation>G&amp;as:</translation>
    </message>
    <message>
        <source>Gas</source>
        <translation>Gas</translation>
    </message>
    <message>
        <source>required, e.g. mocha-4</source>
        <translation>bắt buộc, ví dụ mocha-4</translation>
    </message>
    <message>
        <source>C&amp;hain ID:</source>
        <translation>&amp;Mã chuỗi (chain ID):</translation>
    </message>
    <message>
        <source>Chain ID</source>
        <translation>Mã chuỗi</translation>
    </message>
    <message>
        <source>asked of the chain node</source>
        <translation>hỏi từ nút chuỗi</translation>
    </message>
    <message>
        <source>required offline</source>
        <translation>bắt buộc khi ngoại tuyến</translation>
    </message>
    <message>
        <source>Account &amp;number:</source>
        <translation>&amp;Số tài khoản:</translation>
    </message>
    <message>
        <source>Account number</source>
        <translation>Số tài khoản</translation>
    </message>
    <message>
        <source>Se&amp;quence:</source>
        <translation>Số thứ tự (se&amp;quence):</translation>
    </message>
    <message>
        <source>Sequence</source>
        <translation>Số thứ tự</translation>
    </message>
    <message>
        <source>Chain node: %1</source>
        <translation>Nút chuỗi: %1</translation>
    </message>
    <message>
        <source>No chain node in this profile: sign here, broadcast elsewhere (Connections… sets one).</source>
        <translation>Hồ sơ này không có nút chuỗi: ký ở đây, phát giao dịch ở nơi khác (Kết nối… để đặt nút).</translation>
    </message>
    <message>
        <source>Prepare shows here the transaction&apos;s messages, fee and gas before anything is signed.</source>
        <translation>Chuẩn bị sẽ hiện ở đây các thông điệp, phí và gas của giao dịch trước khi ký bất cứ thứ gì.</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Làm mới</translation>
    </message>
    <message>
        <source>&amp;Prepare</source>
        <translation>&amp;Chuẩn bị</translation>
    </message>
    <message>
        <source>S&amp;ign</source>
        <translation>K&amp;ý</translation>
    </message>
    <message>
        <source>Sign and &amp;broadcast</source>
        <translation>Ký và ph&amp;át</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>X&amp;uất</translation>
    </message>
    <message>
        <source>Grant state as CSV…</source>
        <translation>Trạng thái cấp phí dạng CSV…</translation>
    </message>
    <message>
        <source>Export as CSV</source>
        <translation>Xuất dạng CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Tệp CSV (*.csv)</translation>
    </message>
    <message>
        <source>Grant state as JSON…</source>
        <translation>Trạng thái cấp phí dạng JSON…</translation>
    </message>
    <message>
        <source>Export as JSON</source>
        <translation>Xuất dạng JSON</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Tệp JSON (*.json)</translation>
    </message>
    <message>
        <source>Addresses, one a line…</source>
        <translation>Địa chỉ, mỗi dòng một…</translation>
    </message>
    <message>
        <source>Export addresses</source>
        <translation>Xuất địa chỉ</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Tệp văn bản (*.txt)</translation>
    </message>
    <message>
        <source>TxRaw copied.</source>
        <translation>Đã sao chép TxRaw.</translation>
    </message>
    <message>
        <source>No key to pay with: create or import the granter&apos;s key in Keys.</source>
        <translation>Không có khóa để trả phí: hãy tạo hoặc nhập khóa trả phí trong Khóa.</translation>
    </message>
    <message>
        <source>No chain node in this profile: the workers&apos; accounts and grants are not known here.</source>
        <translation>Hồ sơ này không có nút chuỗi: ở đây không biết tài khoản và khoản cấp phí của các worker.</translation>
    </message>
    <message numerus="yes">
        <source>Asking %1 about the granter and %n worker(s)…</source>
        <translation>
            <numerusform>Đang hỏi %1 về khóa trả phí và %n worker…</numerusform>
        </translation>
    </message>
    <message>
        <source>Granter&apos;s balance: %1</source>
        <translation>Số dư của khóa trả phí: %1</translation>
    </message>
    <message>
        <source>The chain node could not be asked: %1</source>
        <translation>Không hỏi được nút chuỗi: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n worker(s) have a fee grant from the granter.</source>
        <translation>
            <numerusform>%1 trên %n worker đã được khóa trả phí cấp phí.</numerusform>
        </translation>
    </message>
    <message>
        <source>choose the key that pays the fees (create or import it in Keys)</source>
        <translation>hãy chọn khóa trả phí (tạo hoặc nhập nó trong Khóa)</translation>
    </message>
    <message>
        <source>not coins such as 5000000utia (empty: no limit)</source>
        <translation>không phải số tiền kiểu 5000000utia (để trống: không giới hạn)</translation>
    </message>
    <message>
        <source>in the past: a grant must expire in the future</source>
        <translation>đã qua: khoản cấp phải hết hạn trong tương lai</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a message type URL such as %2</source>
        <translation>&quot;%1&quot; không phải type URL của thông điệp, kiểu %2</translation>
    </message>
    <message>
        <source>not coins such as 1utia</source>
        <translation>không phải số tiền kiểu 1utia</translation>
    </message>
    <message>
        <source>not coins such as 20000utia</source>
        <translation>không phải số tiền kiểu 20000utia</translation>
    </message>
    <message>
        <source>&quot;auto&quot; needs a chain node in the profile; enter a gas limit</source>
        <translation>&quot;auto&quot; cần một nút chuỗi trong hồ sơ; hãy nhập giới hạn gas</translation>
    </message>
    <message>
        <source>required (a number such as 600000, or auto with a chain node)</source>
        <translation>bắt buộc (một số như 600000, hoặc auto khi có nút chuỗi)</translation>
    </message>
    <message>
        <source>not a gas limit: a whole number above 0, or auto</source>
        <translation>không phải giới hạn gas: một số nguyên lớn hơn 0, hoặc auto</translation>
    </message>
    <message>
        <source>required: the chain the transaction is for, e.g. mocha-4</source>
        <translation>bắt buộc: chuỗi của giao dịch, ví dụ mocha-4</translation>
    </message>
    <message>
        <source>required without a chain node</source>
        <translation>bắt buộc khi không có nút chuỗi</translation>
    </message>
    <message>
        <source>not a whole number</source>
        <translation>không phải số nguyên</translation>
    </message>
    <message>
        <source>Correct the fields marked above.</source>
        <translation>Hãy sửa các ô được đánh dấu ở trên.</translation>
    </message>
    <message>
        <source>Check the workers to grant.</source>
        <translation>Hãy đánh dấu các worker cần cấp phí.</translation>
    </message>
    <message>
        <source>Building the transaction…</source>
        <translation>Đang dựng giao dịch…</translation>
    </message>
    <message>
        <source>Asking %1 for the workers&apos; grants, the account and the gas…</source>
        <translation>Đang hỏi %1 về khoản cấp của các worker, tài khoản và gas…</translation>
    </message>
    <message>
        <source>Skipped, already granted: %1</source>
        <translation>Bỏ qua, đã được cấp: %1</translation>
    </message>
    <message>
        <source>the granter %1 has no account on the chain: it needs funds first</source>
        <translation>khóa trả phí %1 chưa có tài khoản trên chuỗi: cần nạp tiền trước</translation>
    </message>
    <message>
        <source>The transaction cannot be built: %1</source>
        <translation>Không dựng được giao dịch: %1</translation>
    </message>
    <message>
        <source>Nothing to sign: every checked worker already has a grant.</source>
        <translation>Không có gì để ký: mọi worker được đánh dấu đều đã được cấp phí.</translation>
    </message>
    <message>
        <source>no spend limit</source>
        <translation>không giới hạn chi</translation>
    </message>
    <message>
        <source>spend limit %1</source>
        <translation>hạn mức chi %1</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>đến %1</translation>
    </message>
    <message>
        <source>no expiry</source>
        <translation>không hết hạn</translation>
    </message>
    <message>
        <source>any message</source>
        <translation>mọi thông điệp</translation>
    </message>
    <message>
        <source>only %1</source>
        <translation>chỉ %1</translation>
    </message>
    <message numerus="yes">
        <source>One transaction from %1, %n message(s):</source>
        <translation>
            <numerusform>Một giao dịch từ %1, %n thông điệp:</numerusform>
        </translation>
    </message>
    <message>
        <source>Fee: %1</source>
        <translation>Phí: %1</translation>
    </message>
    <message>
        <source>Gas: %1 (simulated %2 × %3)</source>
        <translation>Gas: %1 (mô phỏng %2 × %3)</translation>
    </message>
    <message>
        <source>Gas: %1</source>
        <translation>Gas: %1</translation>
    </message>
    <message>
        <source>Chain %1, account %2, sequence %3</source>
        <translation>Chuỗi %1, tài khoản %2, số thứ tự %3</translation>
    </message>
    <message>
        <source>Check the transaction above, then sign it.</source>
        <translation>Hãy kiểm tra giao dịch ở trên, rồi ký.</translation>
    </message>
    <message>
        <source>Signing and broadcasting…</source>
        <translation>Đang ký và phát…</translation>
    </message>
    <message>
        <source>Signing…</source>
        <translation>Đang ký…</translation>
    </message>
    <message>
        <source>The chain refused sequence %1 (%2): another transaction used the account since it was asked. Asked again and signed with sequence %3.</source>
        <translation>Chuỗi từ chối số thứ tự %1 (%2): một giao dịch khác đã dùng tài khoản kể từ lúc hỏi. Đã hỏi lại và ký với số thứ tự %3.</translation>
    </message>
    <message>
        <source>TxRaw (base64): %1
tx hash: %2</source>
        <translation>TxRaw (base64): %1
mã băm giao dịch: %2</translation>
    </message>
    <message>
        <source>account sequence mismatch (code 32): %1. Leave Sequence empty to ask the chain node, then prepare again.</source>
        <translation>số thứ tự tài khoản không khớp (mã 32): %1. Hãy để trống Số thứ tự để hỏi nút chuỗi, rồi chuẩn bị lại.</translation>
    </message>
    <message>
        <source>Not granted: %1</source>
        <translation>Chưa cấp: %1</translation>
    </message>
    <message>
        <source>Not signed: %1</source>
        <translation>Chưa ký: %1</translation>
    </message>
    <message>
        <source>Signed; nothing was broadcast. Copy the TxRaw to submit it.</source>
        <translation>Đã ký; chưa phát gì. Hãy sao chép TxRaw để gửi đi.</translation>
    </message>
    <message numerus="yes">
        <source>Included at height %1: %n worker(s) granted.</source>
        <translation>
            <numerusform>Đã vào khối ở độ cao %1: đã cấp phí cho %n worker.</numerusform>
        </translation>
    </message>
    <message>
        <source>The export could not be written to %1: %2</source>
        <translation>Không ghi được tệp xuất vào %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n worker(s) to %1</source>
        <translation>
            <numerusform>Đã xuất %n worker vào %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Pays only f&amp;or:</source>
        <translation>Chỉ trả ch&amp;o:</translation>
    </message>
    <message>
        <source>Copy &amp;TxRaw</source>
        <translation>Sao chép T&amp;xRaw</translation>
    </message>
</context>
<context>
    <name>baokeys::ui::GranteeTableModel</name>
    <message>
        <source>no grant</source>
        <translation>chưa được cấp</translation>
    </message>
    <message>
        <source>granted</source>
        <translation>đã cấp</translation>
    </message>
    <message>
        <source>no spend limit</source>
        <translation>không giới hạn chi</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>còn %1</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>đến %1</translation>
    </message>
    <message>
        <source>no expiry</source>
        <translation>không hết hạn</translation>
    </message>
    <message>
        <source>only %1</source>
        <translation>chỉ %1</translation>
    </message>
    <message>
        <source>exists</source>
        <translation>đã có</translation>
    </message>
    <message>
        <source>not on chain</source>
        <translation>chưa có trên chuỗi</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Tài khoản</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Số dư</translation>
    </message>
    <message>
        <source>Fee grant</source>
        <translation>Cấp phí</translation>
    </message>
    <message>
        <source>No key on the server for %1 (found by sync): an allowance or coins sent to it could never be used</source>
        <translation>Máy chủ không có khóa cho %1 (do đồng bộ phát hiện): hạn mức hay tiền gửi đến đó sẽ không bao giờ dùng được</translation>
    </message>
</context>
<context>
    <name>baokeys::ui::ImportKeyDialog</name>
    <message>
        <source>Import key</source>
        <translation>Nhập khóa</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Tên:</translation>
    </message>
    <message>
        <source>Private key (hex)</source>
        <translation>Khóa bí mật (hex)</translation>
    </message>
    <message>
        <source>Mnemonic (BIP-39)</source>
        <translation>Cụm từ ghi nhớ (BIP-39)</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>T&amp;ừ:</translation>
    </message>
    <message>
        <source>&amp;Secret:</source>
        <translation>&amp;Bí mật:</translation>
    </message>
    <message>
        <source>S&amp;how while typing</source>
        <translation>&amp;Hiện khi gõ</translation>
    </message>
    <message>
        <source>BIP-39 &amp;passphrase:</source>
        <translation>&amp;Mật khẩu BIP-39:</translation>
    </message>
    <message>
        <source>HD pa&amp;th:</source>
        <translation>&amp;Đường dẫn HD:</translation>
    </message>
    <message>
        <source>&amp;Exportable</source>
        <translation>&amp;Cho phép xuất</translation>
    </message>
    <message>
        <source>The secret is sent once to the signer and wiped from this window.</source>
        <translation>Bí mật chỉ được gửi một lần tới bộ ký và bị xóa khỏi cửa sổ này.</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Nhập</translation>
    </message>
    <message>
        <source>12 or 24 words</source>
        <translation>12 hoặc 24 từ</translation>
    </message>
    <message>
        <source>64 hex digits</source>
        <translation>64 chữ số hex</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Bí mật</translation>
    </message>
    <message>
        <source>HD path</source>
        <translation>Đường dẫn HD</translation>
    </message>
    <message>
        <source>required: 12 or 24 words</source>
        <translation>bắt buộc: 12 hoặc 24 từ</translation>
    </message>
    <message>
        <source>required: 64 hex digits</source>
        <translation>bắt buộc: 64 chữ số hex</translation>
    </message>
    <message>
        <source>not a BIP-39 mnemonic: %1</source>
        <translation>không phải cụm từ ghi nhớ BIP-39: %1</translation>
    </message>
    <message>
        <source>not an HD path such as m/44&apos;/118&apos;/0&apos;/0/0: %1</source>
        <translation>không phải đường dẫn HD kiểu m/44&apos;/118&apos;/0&apos;/0/0: %1</translation>
    </message>
    <message>
        <source>not a private key in hex: %1</source>
        <translation>không phải khóa bí mật dạng hex: %1</translation>
    </message>
    <message>
        <source>not a private key: %1</source>
        <translation>không phải khóa bí mật: %1</translation>
    </message>
</context>
<context>
    <name>baokeys::ui::KeyDetailsDialog</name>
    <message>
        <source>Key %1</source>
        <translation>Khóa %1</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Tên:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Địa chỉ:</translation>
    </message>
    <message>
        <source>Hex address:</source>
        <translation>Địa chỉ hex:</translation>
    </message>
    <message>
        <source>Public key:</source>
        <translation>Khóa công khai:</translation>
    </message>
    <message>
        <source>Exportable:</source>
        <translation>Cho phép xuất:</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <source>no</source>
        <translation>không</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Nguồn gốc:</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Ngày tạo:</translation>
    </message>
    <message>
        <source>Path on server:</source>
        <translation>Đường dẫn trên máy chủ:</translation>
    </message>
    <message>
        <source>Warning:</source>
        <translation>Cảnh báo:</translation>
    </message>
    <message>
        <source>the server no longer has this key</source>
        <translation>máy chủ không còn khóa này</translation>
    </message>
    <message>
        <source>Copy &amp;address</source>
        <translation>Sao chép đị&amp;a chỉ</translation>
    </message>
    <message>
        <source>Copy &amp;public key</source>
        <translation>Sao chép khóa &amp;công khai</translation>
    </message>
    <message>
        <source>Address copied.</source>
        <translation>Đã sao chép địa chỉ.</translation>
    </message>
    <message>
        <source>Public key copied.</source>
        <translation>Đã sao chép khóa công khai.</translation>
    </message>
    <message>
        <source>the server holds another key under this name: nothing can sign for this address</source>
        <translation>máy chủ giữ một khóa khác dưới tên này: không gì có thể ký cho địa chỉ này</translation>
    </message>
</context>
<context>
    <name>baokeys::ui::KeyTableModel</name>
    <message>
        <source>generated</source>
        <translation>tạo mới</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>đã nhập</translation>
    </message>
    <message>
        <source>synced</source>
        <translation>đồng bộ</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <source>no</source>
        <translation>không</translation>
    </message>
    <message>
        <source>%1 — no longer on the server (found by sync)</source>
        <translation>%1 — không còn trên máy chủ (phát hiện khi đồng bộ)</translation>
    </message>
    <message>
        <source>0x%1</source>
        <translation>0x%1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <source>Public key</source>
        <translation>Khóa công khai</translation>
    </message>
    <message>
        <source>Exportable</source>
        <translation>Xuất được</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Nguồn gốc</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Ngày tạo</translation>
    </message>
    <message>
        <source>%1 — the server holds another key under this name (found by sync): nothing can sign for this address</source>
        <translation>%1 — máy chủ giữ một khóa khác dưới tên này (do đồng bộ phát hiện): không gì có thể ký cho địa chỉ này</translation>
    </message>
</context>
<context>
    <name>baokeys::ui::KeysPage</name>
    <message>
        <source>&amp;New key…</source>
        <translation>Khóa &amp;mới…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Nhập…</translation>
    </message>
    <message>
        <source>Copy &amp;address</source>
        <translation>Sao chép đị&amp;a chỉ</translation>
    </message>
    <message>
        <source>Copy &amp;public key</source>
        <translation>Sao chép khóa công k&amp;hai</translation>
    </message>
    <message>
        <source>&amp;Details…</source>
        <translation>&amp;Chi tiết…</translation>
    </message>
    <message>
        <source>&amp;Sign message…</source>
        <translation>Ký &amp;thông điệp…</translation>
    </message>
    <message>
        <source>E&amp;xport private key…</source>
        <translation>Xuất khóa &amp;bí mật…</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>Đổ&amp;i tên…</translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation>&amp;Xóa…</translation>
    </message>
    <message>
        <source>S&amp;ync with server</source>
        <translation>Đồng bộ &amp;với máy chủ</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>Tìm &amp;kiếm</translation>
    </message>
    <message>
        <source>Search by name, address or public key (Ctrl+F)</source>
        <translation>Tìm theo tên, địa chỉ hoặc khóa công khai (Ctrl+F)</translation>
    </message>
    <message>
        <source>%L1 of %L2 keys</source>
        <translation>%L1 trên %L2 khóa</translation>
    </message>
    <message>
        <source>Creating key %1 failed.</source>
        <translation>Tạo khóa %1 thất bại.</translation>
    </message>
    <message>
        <source>Key %1 created: %2</source>
        <translation>Đã tạo khóa %1: %2</translation>
    </message>
    <message>
        <source>Importing %1 failed.</source>
        <translation>Nhập %1 thất bại.</translation>
    </message>
    <message>
        <source>Key %1 imported: %2</source>
        <translation>Đã nhập khóa %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n address(es)</source>
        <translation>
            <numerusform>Đã sao chép %n địa chỉ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n public key(s)</source>
        <translation>
            <numerusform>Đã sao chép %n khóa công khai</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 cannot be exported.</source>
        <translation>Không thể xuất %1.</translation>
    </message>
    <message>
        <source>the key was created as not exportable</source>
        <translation>khóa được tạo ở chế độ không cho phép xuất</translation>
    </message>
    <message>
        <source>Rename key</source>
        <translation>Đổi tên khóa</translation>
    </message>
    <message>
        <source>New name for %1 (only exportable keys can be renamed: the key is moved under the new name and checked before the old name is removed):</source>
        <translation>Tên mới cho %1 (chỉ khóa cho phép xuất mới đổi tên được: khóa được chuyển sang tên mới và kiểm tra trước khi tên cũ bị xóa):</translation>
    </message>
    <message>
        <source>Renaming %1 to %2 failed.</source>
        <translation>Đổi tên %1 thành %2 thất bại.</translation>
    </message>
    <message>
        <source>Renamed %1 to %2</source>
        <translation>Đã đổi tên %1 thành %2</translation>
    </message>
    <message>
        <source>Deleting %1 failed.</source>
        <translation>Xóa %1 thất bại.</translation>
    </message>
    <message>
        <source>Syncing with the server…</source>
        <translation>Đang đồng bộ với máy chủ…</translation>
    </message>
    <message>
        <source>Syncing with the server failed.</source>
        <translation>Đồng bộ với máy chủ thất bại.</translation>
    </message>
    <message>
        <source>Syncing with the server failed: %1</source>
        <translation>Đồng bộ với máy chủ thất bại: %1</translation>
    </message>
    <message>
        <source>Key list synced at %1</source>
        <translation>Đã đồng bộ danh sách khóa lúc %1</translation>
    </message>
    <message>
        <source>Sign &amp;transaction…</source>
        <translation>Ký &amp;giao dịch…</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n key(s)</source>
        <translation>
            <numerusform>Đã xóa %n khóa</numerusform>
        </translation>
    </message>
    <message>
        <source>No keys yet. Create one with &lt;b&gt;New key…&lt;/b&gt; (Ctrl+N), bring one in with &lt;b&gt;Import…&lt;/b&gt; (Ctrl+I), or create many at once on the &lt;b&gt;Provision workers&lt;/b&gt; tab (Ctrl+2).</source>
        <translation>Chưa có khóa nào. Tạo một khóa bằng &lt;b&gt;Khóa mới…&lt;/b&gt; (Ctrl+N), đưa một khóa vào bằng &lt;b&gt;Nhập…&lt;/b&gt; (Ctrl+I), hoặc tạo nhiều khóa cùng lúc ở thẻ &lt;b&gt;Tạo khóa worker&lt;/b&gt; (Ctrl+2).</translation>
    </message>
    <message>
        <source>&amp;Grant fees…</source>
        <translation>Cấp ph&amp;í…</translation>
    </message>
    <message>
        <source>Pay the selected keys&apos; fees from a granter key (x/feegrant).</source>
        <translation>Trả phí cho các khóa đã chọn từ một khóa trả phí (x/feegrant).</translation>
    </message>
    <message>
        <source>Acc&amp;ess policies…</source>
        <translation>Chính sách t&amp;ruy cập…</translation>
    </message>
    <message>
        <source>The least-privilege OpenBao policies for the selected keys or a worker set.</source>
        <translation>Các chính sách OpenBao với quyền tối thiểu cho các khóa đã chọn hoặc một nhóm worker.</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n address(es). No key for %1: funds sent there are lost.</source>
        <translation>
            <numerusform>Đã sao chép %n địa chỉ. Không có khóa cho %1: tiền gửi đến đó sẽ mất.</numerusform>
        </translation>
    </message>
    <message>
        <source>Removed %1 from the list only: the server&apos;s key is another one</source>
        <translation>Chỉ gỡ %1 khỏi danh sách: khóa trên máy chủ là một khóa khác</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n key(s); removed %1 from the list only (another key on the server)</source>
        <translation>
            <numerusform>Đã xóa %n khóa; chỉ gỡ %1 khỏi danh sách (máy chủ giữ một khóa khác)</numerusform>
        </translation>
    </message>
    <message>
        <source>Synced: %1 adopted, %2 recovered, %3 missing on the server</source>
        <translation>Đã đồng bộ: nhận %1, khôi phục %2, %3 không còn trên máy chủ</translation>
    </message>
    <message>
        <source>; the server holds another key under %1 (struck out)</source>
        <translation>; máy chủ giữ một khóa khác dưới tên %1 (đã gạch ngang)</translation>
    </message>
    <message>
        <source>%1: not tried.</source>
        <translation>%1: chưa thử.</translation>
    </message>
    <message numerus="yes">
        <source>Deleting %n key(s) failed: %1. They are still in the list.</source>
        <translation>
            <numerusform>Xóa %n khóa thất bại: %1. Chúng vẫn còn trong danh sách.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The other %n key(s) were not tried.</source>
        <translation>
            <numerusform>%n khóa còn lại chưa được thử.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not all for the same reason: the details give each key&apos;s.</source>
        <translation>Không cùng một lý do: phần chi tiết nêu lý do của từng khóa.</translation>
    </message>
    <message>
        <source>The server no longer holds this key (struck out). Sync with the server if it has it again.</source>
        <translation>Máy chủ không còn giữ khóa này (đã gạch ngang). Hãy đồng bộ với máy chủ nếu nó có lại khóa.</translation>
    </message>
    <message>
        <source>The local key list could not be read, so no key is shown. %1</source>
        <translation>Không đọc được danh sách khóa cục bộ, nên không có khóa nào được hiển thị. %1</translation>
    </message>
    <message>
        <source>A delete or rename is under way: wait until it has ended.</source>
        <translation>Một thao tác xóa hoặc đổi tên đang chạy: hãy chờ đến khi nó kết thúc.</translation>
    </message>
    <message>
        <source>This key is not exportable: its private key never leaves the server, so it can be neither exported nor renamed (a rename moves the private key to the new name).</source>
        <translation>Khóa này không thể xuất: khóa bí mật của nó không bao giờ rời khỏi máy chủ, nên không thể xuất cũng không thể đổi tên (đổi tên sẽ chuyển khóa bí mật sang tên mới).</translation>
    </message>
</context>
<context>
    <name>baokeys::ui::LatencyChart</name>
    <message>
        <source>Requests over time</source>
        <translation>Các yêu cầu theo thời gian</translation>
    </message>
    <message>
        <source>Latency histogram</source>
        <translation>Biểu đồ phân bố độ trễ</translation>
    </message>
    <message>
        <source>request</source>
        <translation>yêu cầu</translation>
    </message>
    <message>
        <source>ms since the batch started</source>
        <translation>ms kể từ khi lô bắt đầu</translation>
    </message>
    <message>
        <source>wall time %1 ms</source>
        <translation>thời gian thực %1 ms</translation>
    </message>
    <message>
        <source>requests</source>
        <translation>yêu cầu</translation>
    </message>
    <message>
        <source>Latency: median %1 ms, p95 %2 ms</source>
        <translation>Độ trễ: trung vị %1 ms, p95 %2 ms</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) over time (%1× faster than one at a time)</source>
        <translation>
            <numerusform>%n yêu cầu theo thời gian (nhanh hơn %1× so với từng cái một)</numerusform>
        </translation>
    </message>
    <message>
        <source>ms (bins of %1 ms)</source>
        <translation>ms (mỗi khoảng %1 ms)</translation>
    </message>
    <message>
        <source>lane (requests side by side)</source>
        <translation>làn (các yêu cầu chạy song song)</translation>
    </message>
    <message>
        <source>done (%1)</source>
        <translation>xong (%1)</translation>
    </message>
    <message>
        <source>failed (%1)</source>
        <translation>thất bại (%1)</translation>
    </message>
    <message>
        <source>cancelled (%1)</source>
        <translation>đã hủy (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) over time, none signed</source>
        <translation>
            <numerusform>%n yêu cầu theo thời gian, không có chữ ký nào</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>baokeys::ui::MainWindow</name>
    <message>
        <source>&lt;b&gt;Dev mode:&lt;/b&gt; the embedded signer keeps its keys in memory. They vanish when BaoKeys exits; use an encrypted data folder or an OpenBao server for keys you keep.</source>
        <translation>&lt;b&gt;Chế độ phát triển:&lt;/b&gt; bộ ký nhúng giữ khóa trong bộ nhớ. Chúng sẽ biến mất khi BaoKeys thoát; hãy dùng thư mục dữ liệu mã hóa hoặc máy chủ OpenBao cho những khóa cần giữ lại.</translation>
    </message>
    <message>
        <source>&amp;Keys</source>
        <translation>&amp;Khóa</translation>
    </message>
    <message>
        <source>&amp;Provision workers</source>
        <translation>Tạo khóa &amp;worker</translation>
    </message>
    <message>
        <source>&amp;Batch signing</source>
        <translation>Ký theo &amp;lô</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Chưa kết nối</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>&amp;Connections…</source>
        <translation>&amp;Kết nối…</translation>
    </message>
    <message>
        <source>Check connection &amp;now</source>
        <translation>K&amp;iểm tra kết nối ngay</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Theo hệ thống</translation>
    </message>
    <message>
        <source>The language changes when BaoKeys starts again.</source>
        <translation>Ngôn ngữ sẽ đổi khi BaoKeys khởi động lại.</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Thoát</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>T&amp;rợ giúp</translation>
    </message>
    <message>
        <source>&amp;About BaoKeys</source>
        <translation>&amp;Giới thiệu BaoKeys</translation>
    </message>
    <message>
        <source>The profile %1 has no data folder.</source>
        <translation>Hồ sơ %1 chưa có thư mục dữ liệu.</translation>
    </message>
    <message>
        <source>Choose one under File › Connections.</source>
        <translation>Hãy chọn một thư mục trong Tệp › Kết nối.</translation>
    </message>
    <message>
        <source>Starting the embedded signer…</source>
        <translation>Đang khởi động bộ ký nhúng…</translation>
    </message>
    <message>
        <source>Embedded signer stopped</source>
        <translation>Bộ ký nhúng đã dừng</translation>
    </message>
    <message>
        <source>The embedded signer could not start.</source>
        <translation>Không thể khởi động bộ ký nhúng.</translation>
    </message>
    <message>
        <source>Reading the token…</source>
        <translation>Đang đọc token…</translation>
    </message>
    <message>
        <source>No token is saved for this profile yet.</source>
        <translation>Chưa có token nào được lưu cho hồ sơ này.</translation>
    </message>
    <message>
        <source>No system keychain is available (%1), so the token cannot be stored safely: BaoKeys asks for it each time it opens this profile and never writes it to a file.</source>
        <translation>Không có kho khóa hệ thống (%1), nên không thể lưu token an toàn: BaoKeys sẽ hỏi token mỗi lần mở hồ sơ này và không bao giờ ghi nó ra tệp.</translation>
    </message>
    <message>
        <source>The system keychain could not be read (%1).</source>
        <translation>Không đọc được kho khóa hệ thống (%1).</translation>
    </message>
    <message>
        <source>The token could not be saved in the keychain: %1</source>
        <translation>Không lưu được token vào kho khóa: %1</translation>
    </message>
    <message>
        <source>The local key list of this profile could not be read.</source>
        <translation>Không đọc được danh sách khóa cục bộ của hồ sơ này.</translation>
    </message>
    <message>
        <source>BaoKeys — %1</source>
        <translation>BaoKeys — %1</translation>
    </message>
    <message>
        <source>BaoKeys</source>
        <translation>BaoKeys</translation>
    </message>
    <message>
        <source>About BaoKeys</source>
        <translation>Giới thiệu BaoKeys</translation>
    </message>
    <message>
        <source>&lt;h3&gt;BaoKeys %1&lt;/h3&gt;&lt;p&gt;secp256k1 keys for validators and rollups, kept in OpenBao or the embedded signer. The keys never leave the signer; this app keeps only public metadata.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;BaoKeys %1&lt;/h3&gt;&lt;p&gt;Khóa secp256k1 cho validator và rollup, lưu trong OpenBao hoặc bộ ký nhúng. Khóa không bao giờ rời khỏi bộ ký; ứng dụng này chỉ giữ siêu dữ liệu công khai.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>Chi tiết…</translation>
    </message>
    <message>
        <source>BaoKeys will use %1 when it starts again; the windows open now keep their language.</source>
        <translation>BaoKeys sẽ dùng %1 khi khởi động lại; các cửa sổ đang mở giữ ngôn ngữ hiện tại.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <source>Ke&amp;ys</source>
        <translation>Khó&amp;a</translation>
    </message>
    <message>
        <source>root token</source>
        <translation>token root</translation>
    </message>
</context>
<context>
    <name>baokeys::ui::NewKeyDialog</name>
    <message>
        <source>New key</source>
        <translation>Khóa mới</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Tên:</translation>
    </message>
    <message>
        <source>&amp;Exportable (the private key may be read back later)</source>
        <translation>&amp;Cho phép xuất (khóa bí mật có thể được đọc lại sau này)</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>Tạ&amp;o</translation>
    </message>
    <message>
        <source>Enter a name.</source>
        <translation>Nhập tên.</translation>
    </message>
    <message>
        <source>“%1” cannot be used in a key name: use letters, digits, “_”, “-” and “.”.</source>
        <translation>Không dùng được “%1” trong tên khóa: hãy dùng chữ, chữ số, “_”, “-” và “.”.</translation>
    </message>
    <message>
        <source>a space</source>
        <translation>dấu cách</translation>
    </message>
    <message>
        <source>A key name starts with a letter, a digit or “_”.</source>
        <translation>Tên khóa phải bắt đầu bằng chữ, chữ số hoặc “_”.</translation>
    </message>
    <message>
        <source>A key name ends with a letter, a digit or “_”.</source>
        <translation>Tên khóa phải kết thúc bằng chữ, chữ số hoặc “_”.</translation>
    </message>
</context>
<context>
    <name>baokeys::ui::PassphraseDialog</name>
    <message>
        <source>Unlock the signer&apos;s data folder</source>
        <translation>Mở khóa thư mục dữ liệu của bộ ký</translation>
    </message>
    <message>
        <source>Choose a passphrase to encrypt the keys in %1.</source>
        <translation>Chọn mật khẩu để mã hóa các khóa trong %1.</translation>
    </message>
    <message>
        <source>Enter the passphrase of the keys in %1.</source>
        <translation>Nhập mật khẩu của các khóa trong %1.</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Mật khẩu:</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Lặp lại:</translation>
    </message>
</context>
<context>
    <name>baokeys::ui::ProfileDialog</name>
    <message>
        <source>Connections</source>
        <translation>Kết nối</translation>
    </message>
    <message>
        <source>Ne&amp;w</source>
        <translation>Tạo mớ&amp;i</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>&amp;Xóa</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>Tê&amp;n:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Loại:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>Đị&amp;a chỉ:</translation>
    </message>
    <message>
        <source>Names&amp;pace:</source>
        <translation>K&amp;hông gian tên:</translation>
    </message>
    <message>
        <source>&amp;Mount:</source>
        <translation>Điểm &amp;gắn:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Duyệt…</translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation>Tệp &amp;CA:</translation>
    </message>
    <message>
        <source>Skip TLS verification (unsafe)</source>
        <translation>Bỏ qua kiểm tra TLS (không an toàn)</translation>
    </message>
    <message>
        <source>Bech32 &amp;HRP:</source>
        <translation>HRP &amp;Bech32:</translation>
    </message>
    <message>
        <source>Data &amp;folder:</source>
        <translation>Thư mục &amp;dữ liệu:</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>không đổi</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <source>Saved in the system keychain, never in a settings file.</source>
        <translation>Được lưu trong kho khóa hệ thống, không bao giờ trong tệp cấu hình.</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>Lư&amp;u</translation>
    </message>
    <message>
        <source>Test conn&amp;ection</source>
        <translation>&amp;Kiểm tra kết nối</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Mở</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>Chứng chỉ CA</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>Chứng chỉ PEM (*.pem *.crt);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Signer data folder</source>
        <translation>Thư mục dữ liệu của bộ ký</translation>
    </message>
    <message>
        <source>No system keychain is available (%1): the token is not saved and will be asked when the profile opens.</source>
        <translation>Không có kho khóa hệ thống (%1): token không được lưu và sẽ được hỏi khi mở hồ sơ.</translation>
    </message>
    <message>
        <source>Token saved in the system keychain.</source>
        <translation>Đã lưu token vào kho khóa hệ thống.</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>Hồ sơ mới</translation>
    </message>
    <message>
        <source>The open profile cannot be deleted.</source>
        <translation>Không thể xóa hồ sơ đang mở.</translation>
    </message>
    <message>
        <source>The embedded signer runs in this app: it starts when the profile is opened.</source>
        <translation>Bộ ký nhúng chạy bên trong ứng dụng: nó khởi động khi hồ sơ được mở.</translation>
    </message>
    <message>
        <source>Reading the token from the system keychain…</source>
        <translation>Đang đọc token từ kho khóa hệ thống…</translation>
    </message>
    <message>
        <source>No token to test with: enter it in the Token field (%1).</source>
        <translation>Không có token để thử: hãy nhập vào ô Token (%1).</translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation>Đang thử %1…</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>reachable (HTTP %1, %2 ms)</source>
        <translation>kết nối được (HTTP %1, %2 ms)</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Phiên bản</translation>
    </message>
    <message>
        <source>not reported</source>
        <translation>không cho biết</translation>
    </message>
    <message>
        <source>Sealed</source>
        <translation>Bị niêm phong</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <source>no</source>
        <translation>không</translation>
    </message>
    <message>
        <source>Standby</source>
        <translation>Dự phòng</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cụm</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>không kết nối được</translation>
    </message>
    <message>
        <source>Policies</source>
        <translation>Chính sách</translation>
    </message>
    <message>
        <source>Token TTL</source>
        <translation>Thời hạn token</translation>
    </message>
    <message>
        <source>never expires</source>
        <translation>không bao giờ hết hạn</translation>
    </message>
    <message>
        <source>%1 s (expires %2)</source>
        <translation>%1 giây (hết hạn %2)</translation>
    </message>
    <message>
        <source>Renewable</source>
        <translation>Gia hạn được</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Vấn đề</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Connection works.</source>
        <translation>Kết nối hoạt động tốt.</translation>
    </message>
    <message>
        <source>Checking the system keychain…</source>
        <translation>Đang kiểm tra kho khóa hệ thống…</translation>
    </message>
    <message>
        <source>Not saved: there is no usable system keychain (%1). You will be asked for the token each time the profile opens; it is never written to a file.</source>
        <translation>Không được lưu: không có kho khóa hệ thống dùng được (%1). Bạn sẽ được hỏi token mỗi lần mở hồ sơ này; token không bao giờ được ghi ra tệp.</translation>
    </message>
    <message>
        <source>One address, or the nodes of a cluster separated by commas: requests go to the active node.</source>
        <translation>Một địa chỉ, hoặc các nút của một cụm cách nhau bằng dấu phẩy: yêu cầu được gửi tới nút đang hoạt động.</translation>
    </message>
    <message>
        <source>optional, e.g. http://127.0.0.1:1317</source>
        <translation>tùy chọn, ví dụ http://127.0.0.1:1317</translation>
    </message>
    <message>
        <source>A Cosmos SDK REST endpoint: fills account numbers and sequences, estimates gas, shows fee grants and broadcasts. Empty: sign offline.</source>
        <translation>Một điểm REST của Cosmos SDK: điền số tài khoản và số thứ tự, ước tính gas, hiện các khoản cấp phí và phát giao dịch. Để trống: ký ngoại tuyến.</translation>
    </message>
    <message>
        <source>Chain node (REST):</source>
        <translation>Nút chuỗi (REST):</translation>
    </message>
    <message>
        <source>This is a root token: it can do everything, export and delete keys included. Give each role its least-privilege token (Keys › Access policies…).</source>
        <translation>Đây là token root: nó làm được mọi thứ, kể cả xuất và xóa khóa. Hãy cấp cho mỗi vai trò một token với quyền tối thiểu (Khóa › Chính sách truy cập…).</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Cảnh báo</translation>
    </message>
    <message>
        <source>Not saved: the address holds a user name or password. OpenBao takes a token (the Token field), and the address is shown in the status bar.</source>
        <translation>Chưa lưu: địa chỉ chứa tên người dùng hoặc mật khẩu. OpenBao dùng token (trường Token), và địa chỉ được hiển thị trên thanh trạng thái.</translation>
    </message>
    <message>
        <source>Not saved: a namespace is made of letters, digits, “_”, “-” and “.”, with “/” between the parts.</source>
        <translation>Chưa lưu: không gian tên gồm chữ cái, chữ số, “_”, “-” và “.”, với “/” giữa các phần.</translation>
    </message>
    <message>
        <source>Not saved: a mount path is made of letters, digits, “_”, “-” and “.”, with “/” between the parts.</source>
        <translation>Chưa lưu: đường dẫn điểm gắn gồm chữ cái, chữ số, “_”, “-” và “.”, với “/” giữa các phần.</translation>
    </message>
    <message>
        <source>Not saved: “%1” is not an http(s) address such as https://127.0.0.1:8200. Separate the nodes of a cluster with commas.</source>
        <translation>Chưa lưu: “%1” không phải là địa chỉ http(s), ví dụ https://127.0.0.1:8200. Phân tách các nút của một cụm bằng dấu phẩy.</translation>
    </message>
</context>
<context>
    <name>baokeys::ui::ProvisionPage</name>
    <message>
        <source>creating</source>
        <translation>đang tạo</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <source>Prefi&amp;x:</source>
        <translation>Tiề&amp;n tố:</translation>
    </message>
    <message>
        <source>&amp;Count:</source>
        <translation>Số lượn&amp;g:</translation>
    </message>
    <message>
        <source>&amp;Numbered from:</source>
        <translation>Đánh &amp;số từ:</translation>
    </message>
    <message>
        <source>&amp;Exportable</source>
        <translation>&amp;Cho phép xuất</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>tự động</translation>
    </message>
    <message>
        <source>Requests in flight at once; auto sends them all (up to %1).</source>
        <translation>Số yêu cầu gửi đồng thời; tự động sẽ gửi tất cả (tối đa %1).</translation>
    </message>
    <message>
        <source>P&amp;arallelism:</source>
        <translation>&amp;Mức song song:</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Bắt đầu</translation>
    </message>
    <message>
        <source>Cance&amp;l</source>
        <translation>&amp;Hủy</translation>
    </message>
    <message>
        <source>&amp;Retry failed</source>
        <translation>Thử lạ&amp;i các mục lỗi</translation>
    </message>
    <message>
        <source>Expor&amp;t CSV…</source>
        <translation>Xuất CS&amp;V…</translation>
    </message>
    <message>
        <source>Export &amp;JSON…</source>
        <translation>Xuất &amp;JSON…</translation>
    </message>
    <message>
        <source>Open a profile to provision keys.</source>
        <translation>Hãy mở một hồ sơ để tạo khóa.</translation>
    </message>
    <message>
        <source>Cannot start: %1</source>
        <translation>Không thể bắt đầu: %1</translation>
    </message>
    <message numerus="yes">
        <source>Will create %n key(s): %1</source>
        <translation>
            <numerusform>Sẽ tạo %n khóa: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Address prefix: %1</source>
        <translation>Tiền tố địa chỉ: %1</translation>
    </message>
    <message>
        <source>The batch cannot start.</source>
        <translation>Không thể bắt đầu lô.</translation>
    </message>
    <message numerus="yes">
        <source>Creating %n key(s)…</source>
        <translation>
            <numerusform>Đang tạo %n khóa…</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was created: a name is already taken or the server refused.</source>
        <translation>Không có khóa nào được tạo: một tên đã bị dùng hoặc máy chủ từ chối.</translation>
    </message>
    <message>
        <source>The keys were created but the local key list could not be saved; “Sync with server” adopts them.</source>
        <translation>Các khóa đã được tạo nhưng không lưu được danh sách khóa cục bộ; “Đồng bộ với máy chủ” sẽ nhận lại chúng.</translation>
    </message>
    <message numerus="yes">
        <source>%n key(s) could not be created.</source>
        <translation>
            <numerusform>Không tạo được %n khóa.</numerusform>
        </translation>
    </message>
    <message>
        <source>%L1 of %L2 keys created in %3 ms</source>
        <translation>Đã tạo %L1 trên %L2 khóa trong %3 ms</translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed</source>
        <translation>
            <numerusform>%Ln thất bại</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln cancelled</source>
        <translation>
            <numerusform>%Ln đã hủy</numerusform>
        </translation>
    </message>
    <message>
        <source>The export could not be written to %1.</source>
        <translation>Không ghi được tệp xuất vào %1.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n key(s) to %1</source>
        <translation>
            <numerusform>Đã xuất %n khóa vào %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Export as CSV</source>
        <translation>Xuất dạng CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Tệp CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export as JSON</source>
        <translation>Xuất dạng JSON</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Tệp JSON (*.json)</translation>
    </message>
    <message>
        <source>%L1 done, %L2 in flight, %L3 queued, %L4 failed</source>
        <translation>%L1 xong, %L2 đang chạy, %L3 đang chờ, %L4 thất bại</translation>
    </message>
    <message>
        <source>%v of %m created</source>
        <translation>đã tạo %v / %m</translation>
    </message>
    <message>
        <source>Enter a name prefix.</source>
        <translation>Nhập tiền tố tên.</translation>
    </message>
    <message numerus="yes">
        <source>These %n key(s) were created. To create more, change the prefix or the first number.</source>
        <translation>
            <numerusform>Đã tạo %n khóa này. Để tạo thêm, hãy đổi tiền tố hoặc số bắt đầu.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of these names are already in the store: %1</source>
        <translation>
            <numerusform>%n tên trong số này đã có trong kho: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>blob-worker-N</source>
        <translation>blob-worker-N</translation>
    </message>
    <message>
        <source>parallel-worker-N</source>
        <translation>parallel-worker-N</translation>
    </message>
    <message>
        <source>Fills the prefix with a naming convention (parallel-worker-N: celestia-node&apos;s TxWorkerAccounts); the prefix stays editable.</source>
        <translation>Điền tiền tố theo một quy ước đặt tên (parallel-worker-N: TxWorkerAccounts của celestia-node); tiền tố vẫn sửa được.</translation>
    </message>
    <message>
        <source>Na&amp;ming:</source>
        <translation>Đ&amp;ặt tên:</translation>
    </message>
    <message>
        <source>&amp;Grant fees…</source>
        <translation>Cấp ph&amp;í…</translation>
    </message>
    <message>
        <source>Pay the new workers&apos; fees from a granter key (x/feegrant), in one transaction.</source>
        <translation>Trả phí cho các worker mới từ một khóa trả phí (x/feegrant), trong một giao dịch.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>baokeys::ui::RequestBarsItem</name>
    <message>
        <source>done</source>
        <translation>xong</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>thất bại</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>đã hủy</translation>
    </message>
    <message>
        <source>%1 (%2)
start %3 ms, end %4 ms
latency %5 ms</source>
        <translation>%1 (%2)
bắt đầu %3 ms, kết thúc %4 ms
độ trễ %5 ms</translation>
    </message>
</context>
<context>
    <name>baokeys::ui::SignBatchPage</name>
    <message>
        <source>signing</source>
        <translation>đang ký</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Chữ ký</translation>
    </message>
    <message>
        <source>&amp;Selected keys</source>
        <translation>Khóa đã &amp;chọn</translation>
    </message>
    <message>
        <source>Names starting &amp;with</source>
        <translation>Tên bắt &amp;đầu bằng</translation>
    </message>
    <message>
        <source>Keys:</source>
        <translation>Khóa:</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>Hex</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Duyệt…</translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation>Thô&amp;ng điệp:</translation>
    </message>
    <message>
        <source>Each key signs the message this many times.</source>
        <translation>Mỗi khóa ký thông điệp bấy nhiêu lần.</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>tự động</translation>
    </message>
    <message>
        <source>R&amp;epeat:</source>
        <translation>Lặp lạ&amp;i:</translation>
    </message>
    <message>
        <source>P&amp;arallelism:</source>
        <translation>Mức &amp;song song:</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>Chạ&amp;y</translation>
    </message>
    <message>
        <source>Cance&amp;l</source>
        <translation>&amp;Hủy</translation>
    </message>
    <message>
        <source>%v of %m</source>
        <translation>%v / %m</translation>
    </message>
    <message>
        <source>Message file</source>
        <translation>Tệp thông điệp</translation>
    </message>
    <message>
        <source>the message is not valid hex: %1</source>
        <translation>thông điệp không phải hex hợp lệ: %1</translation>
    </message>
    <message>
        <source>the file %1 cannot be read: %2</source>
        <translation>không đọc được tệp %1: %2</translation>
    </message>
    <message>
        <source>the file %1 is larger than 16 MiB</source>
        <translation>tệp %1 lớn hơn 16 MiB</translation>
    </message>
    <message numerus="yes">
        <source>%n key(s)</source>
        <translation>
            <numerusform>%n khóa</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n time(s)</source>
        <translation>
            <numerusform>%n lần</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n signature(s)</source>
        <translation>
            <numerusform>%n chữ ký</numerusform>
        </translation>
    </message>
    <message>
        <source>No keys to sign with.</source>
        <translation>Không có khóa nào để ký.</translation>
    </message>
    <message>
        <source>Select keys in the Keys tab, or give a name prefix that matches some.</source>
        <translation>Hãy chọn khóa trong thẻ Khóa, hoặc nhập một tiền tố tên khớp với vài khóa.</translation>
    </message>
    <message>
        <source>The message cannot be used.</source>
        <translation>Không dùng được thông điệp này.</translation>
    </message>
    <message>
        <source>That is too many signatures for one batch.</source>
        <translation>Quá nhiều chữ ký cho một lô.</translation>
    </message>
    <message>
        <source>%1 requested, at most %2.</source>
        <translation>Yêu cầu %1, tối đa %2.</translation>
    </message>
    <message numerus="yes">
        <source>Signing %n message(s)…</source>
        <translation>
            <numerusform>Đang ký %n thông điệp…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n signature(s) failed.</source>
        <translation>
            <numerusform>%n chữ ký thất bại.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln cancelled</source>
        <translation>
            <numerusform>%Ln đã hủy</numerusform>
        </translation>
    </message>
    <message>
        <source>%L1 signed, %L2 in flight, %L3 checking, %L4 queued, %L5 failed</source>
        <translation>%L1 đã ký, %L2 đang chạy, %L3 đang kiểm tra, %L4 đang chờ, %L5 thất bại</translation>
    </message>
    <message>
        <source>%v of %m signed</source>
        <translation>đã ký %v / %m</translation>
    </message>
    <message>
        <source>Expor&amp;t CSV…</source>
        <translation>Xuất CS&amp;V…</translation>
    </message>
    <message>
        <source>Export &amp;JSON…</source>
        <translation>Xuất &amp;JSON…</translation>
    </message>
    <message>
        <source>The export could not be written to %1.</source>
        <translation>Không ghi được tệp xuất vào %1.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n signature(s) to %1</source>
        <translation>
            <numerusform>Đã xuất %n chữ ký vào %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Export as CSV</source>
        <translation>Xuất dạng CSV</translation>
    </message>
    <message>
        <source>Export as JSON</source>
        <translation>Xuất dạng JSON</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Tệp CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Tệp JSON (*.json)</translation>
    </message>
</context>
<context>
    <name>baokeys::ui::SignMessageDialog</name>
    <message>
        <source>Sign a message with %1</source>
        <translation>Ký thông điệp bằng %1</translation>
    </message>
    <message>
        <source>Text (UTF-8)</source>
        <translation>Văn bản (UTF-8)</translation>
    </message>
    <message>
        <source>Hex bytes</source>
        <translation>Byte hex</translation>
    </message>
    <message>
        <source>&amp;Message is:</source>
        <translation>Thông điệp &amp;là:</translation>
    </message>
    <message>
        <source>M&amp;essage:</source>
        <translation>&amp;Thông điệp:</translation>
    </message>
    <message>
        <source>Signature:</source>
        <translation>Chữ ký:</translation>
    </message>
    <message>
        <source>Signed as SHA-256(message); verified here against the stored public key.</source>
        <translation>Ký trên SHA-256(thông điệp); được kiểm tra tại đây với khóa công khai đã lưu.</translation>
    </message>
    <message>
        <source>&amp;Sign</source>
        <translation>&amp;Ký</translation>
    </message>
    <message>
        <source>The message is not valid hex.</source>
        <translation>Thông điệp không phải hex hợp lệ.</translation>
    </message>
    <message>
        <source>Signing…</source>
        <translation>Đang ký…</translation>
    </message>
    <message>
        <source>Signing with %1 failed.</source>
        <translation>Ký bằng %1 thất bại.</translation>
    </message>
    <message>
        <source>signature (r||s): %1
public key: %2
digest: %3</source>
        <translation>chữ ký (r||s): %1
khóa công khai: %2
tóm lược: %3</translation>
    </message>
</context>
<context>
    <name>baokeys::ui::SignTransactionDialog</name>
    <message>
        <source>Sign a test transaction with %1</source>
        <translation>Ký giao dịch thử bằng %1</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Từ:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Đến:</translation>
    </message>
    <message>
        <source>&amp;Amount:</source>
        <translation>Số &amp;tiền:</translation>
    </message>
    <message>
        <source>&amp;Fee:</source>
        <translation>&amp;Phí:</translation>
    </message>
    <message>
        <source>&amp;Gas limit:</source>
        <translation>Giới hạn g&amp;as:</translation>
    </message>
    <message>
        <source>Fee g&amp;ranter:</source>
        <translation>&amp;Người cấp phí:</translation>
    </message>
    <message>
        <source>optional: the account whose fee grant pays</source>
        <translation>tùy chọn: tài khoản có hạn mức phí sẽ trả</translation>
    </message>
    <message>
        <source>&amp;Memo:</source>
        <translation>&amp;Ghi chú:</translation>
    </message>
    <message>
        <source>&amp;Chain ID:</source>
        <translation>&amp;Chain ID:</translation>
    </message>
    <message>
        <source>Account &amp;number:</source>
        <translation>Số tài kh&amp;oản:</translation>
    </message>
    <message>
        <source>S&amp;equence:</source>
        <translation>Số thứ tự (s&amp;equence):</translation>
    </message>
    <message>
        <source>Signed transaction:</source>
        <translation>Giao dịch đã ký:</translation>
    </message>
    <message>
        <source>&amp;Sign</source>
        <translation>&amp;Ký</translation>
    </message>
    <message>
        <source>Co&amp;py TxRaw</source>
        <translation>&amp;Sao chép TxRaw</translation>
    </message>
    <message>
        <source>The transaction cannot be signed.</source>
        <translation>Không thể ký giao dịch.</translation>
    </message>
    <message>
        <source>Signing…</source>
        <translation>Đang ký…</translation>
    </message>
    <message>
        <source>Signing with %1 failed.</source>
        <translation>Ký bằng %1 thất bại.</translation>
    </message>
    <message>
        <source>TxRaw (base64): %1
tx hash: %2
signature (r||s): %3</source>
        <translation>TxRaw (base64): %1
mã băm giao dịch: %2
chữ ký (r||s): %3</translation>
    </message>
    <message>
        <source>TxRaw copied.</source>
        <translation>Đã sao chép TxRaw.</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Đến</translation>
    </message>
    <message>
        <source>required: a %1… address</source>
        <translation>bắt buộc: một địa chỉ %1…</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Số tiền</translation>
    </message>
    <message>
        <source>required, e.g. 1000utia</source>
        <translation>bắt buộc, ví dụ 1000utia</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Phí</translation>
    </message>
    <message>
        <source>empty: no fee</source>
        <translation>để trống: không có phí</translation>
    </message>
    <message>
        <source>Gas limit</source>
        <translation>Giới hạn gas</translation>
    </message>
    <message>
        <source>a number, or auto to simulate on the chain node</source>
        <translation>một số, hoặc auto để mô phỏng trên nút chuỗi</translation>
    </message>
    <message>
        <source>required, e.g. 100000</source>
        <translation>bắt buộc, ví dụ 100000</translation>
    </message>
    <message>
        <source>Fee granter</source>
        <translation>Người cấp phí</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>tùy chọn</translation>
    </message>
    <message>
        <source>Chain ID</source>
        <translation>Mã chuỗi</translation>
    </message>
    <message>
        <source>required, e.g. mocha-4</source>
        <translation>bắt buộc, ví dụ mocha-4</translation>
    </message>
    <message>
        <source>empty: asked of the chain node</source>
        <translation>để trống: hỏi từ nút chuỗi</translation>
    </message>
    <message>
        <source>required offline: the account&apos;s, on chain</source>
        <translation>bắt buộc khi ngoại tuyến: của tài khoản, trên chuỗi</translation>
    </message>
    <message>
        <source>Account number</source>
        <translation>Số tài khoản</translation>
    </message>
    <message>
        <source>Sequence</source>
        <translation>Số thứ tự</translation>
    </message>
    <message>
        <source>A Cosmos SDK bank send (MsgSend) in SIGN_MODE_DIRECT, signed by the key on the server and verified here. Sign and broadcast sends it to %1 and waits for its block.</source>
        <translation>Một lệnh chuyển tiền Cosmos SDK (MsgSend) ở SIGN_MODE_DIRECT, được ký bằng khóa trên máy chủ và kiểm tra tại đây. Ký và phát sẽ gửi nó tới %1 và chờ nó vào khối.</translation>
    </message>
    <message>
        <source>A Cosmos SDK bank send (MsgSend) in SIGN_MODE_DIRECT, signed by the key on the server and verified here. Nothing is broadcast: copy the TxRaw to submit it (a chain node in the profile can broadcast it).</source>
        <translation>Một lệnh chuyển tiền Cosmos SDK (MsgSend) ở SIGN_MODE_DIRECT, được ký bằng khóa trên máy chủ và kiểm tra tại đây. Không có gì được phát: hãy sao chép TxRaw để gửi đi (một nút chuỗi trong hồ sơ có thể phát nó).</translation>
    </message>
    <message>
        <source>Sign and &amp;broadcast</source>
        <translation>Ký và ph&amp;át</translation>
    </message>
    <message>
        <source>not a coin such as 1000utia</source>
        <translation>không phải số tiền kiểu 1000utia</translation>
    </message>
    <message>
        <source>not a coin such as 2000utia</source>
        <translation>không phải số tiền kiểu 2000utia</translation>
    </message>
    <message>
        <source>auto needs a chain node in the profile; enter a number</source>
        <translation>auto cần một nút chuỗi trong hồ sơ; hãy nhập một số</translation>
    </message>
    <message>
        <source>not a gas limit: a whole number above 0</source>
        <translation>không phải giới hạn gas: một số nguyên lớn hơn 0</translation>
    </message>
    <message>
        <source>required without a chain node</source>
        <translation>bắt buộc khi không có nút chuỗi</translation>
    </message>
    <message>
        <source>not a whole number</source>
        <translation>không phải số nguyên</translation>
    </message>
    <message>
        <source>an address of another chain: this one&apos;s addresses start with %1</source>
        <translation>địa chỉ của chuỗi khác: địa chỉ của chuỗi này bắt đầu bằng %1</translation>
    </message>
    <message>
        <source>not an address: %1</source>
        <translation>không phải địa chỉ: %1</translation>
    </message>
    <message>
        <source>not an address of this chain: %1</source>
        <translation>không phải địa chỉ của chuỗi này: %1</translation>
    </message>
    <message>
        <source>Signing and broadcasting…</source>
        <translation>Đang ký và phát…</translation>
    </message>
    <message>
        <source>The chain refused sequence %1 (%2); asked again and signed once more.</source>
        <translation>Chuỗi từ chối số thứ tự %1 (%2); đã hỏi lại và ký thêm một lần.</translation>
    </message>
    <message>
        <source>Included at height %1.</source>
        <translation>Đã vào khối ở độ cao %1.</translation>
    </message>
    <message>
        <source>%1 has no account on the chain yet: it needs funds before it can sign.</source>
        <translation>%1 chưa có tài khoản trên chuỗi: cần nạp tiền trước khi có thể ký.</translation>
    </message>
    <message>
        <source>The chain refused the sequence.</source>
        <translation>Chuỗi từ chối số thứ tự.</translation>
    </message>
    <message>
        <source>account sequence mismatch (code 32): %1. Leave Sequence empty to ask the chain node.</source>
        <translation>số thứ tự tài khoản không khớp (mã 32): %1. Hãy để trống Số thứ tự để hỏi nút chuỗi.</translation>
    </message>
    <message>
        <source>The transaction was not included.</source>
        <translation>Giao dịch không được đưa vào khối.</translation>
    </message>
    <message>
        <source>The fields changed after this transaction was signed: sign again to copy one that matches them.</source>
        <translation>Các trường đã thay đổi sau khi giao dịch này được ký: hãy ký lại để sao chép giao dịch khớp với chúng.</translation>
    </message>
</context>
<context>
    <name>baokeys::ui::SpeedComparison</name>
    <message>
        <source>The batch&apos;s wall time against what the same requests would take one at a time.</source>
        <translation>Thời gian thực của lô so với thời gian các yêu cầu ấy sẽ mất nếu ký lần lượt từng cái.</translation>
    </message>
    <message>
        <source>parallel %1 ms</source>
        <translation>song song %1 ms</translation>
    </message>
    <message>
        <source>sequential %1 ms</source>
        <translation>tuần tự %1 ms</translation>
    </message>
    <message>
        <source>parallel</source>
        <translation>song song</translation>
    </message>
    <message>
        <source>sequential</source>
        <translation>tuần tự</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
</context>
<context>
    <name>baokeys::ui::TableCopyAction</name>
    <message>
        <source>Copy &amp;address</source>
        <translation>Sao chép đị&amp;a chỉ</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Sao chép</translation>
    </message>
    <message>
        <source>Nothing copied: the selected rows have no address yet.</source>
        <translation>Chưa sao chép gì: các hàng đã chọn chưa có địa chỉ.</translation>
    </message>
    <message>
        <source>Nothing copied: no cell is selected.</source>
        <translation>Chưa sao chép gì: chưa chọn ô nào.</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n address(es)</source>
        <translation>
            <numerusform>Đã sao chép %n địa chỉ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n cell(s)</source>
        <translation>
            <numerusform>Đã sao chép %n ô</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>baokeys::ui::TokenPrompt</name>
    <message>
        <source>Token for %1</source>
        <translation>Token cho %1</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <source>&amp;Remember in the system keychain</source>
        <translation>&amp;Ghi nhớ trong kho khóa hệ thống</translation>
    </message>
</context>
</TS>
